using System.Globalization;
using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Pages;

namespace Experimenten.SelfHost;

/// <summary>
/// The local outbox viewer (self-host without SendGrid only): /dev/mail lists every email newest first,
/// /dev/mail/{n} shows one as the recipient would see it, with links that work, and /dev/mail.json is for scripts.
/// </summary>
static class DevMail
{
    /// <summary>
    /// A stored email is shown as-is, in a sandbox: no script runs and it cannot reach this origin, but a click on
    /// one of its links still opens the page (so a new user can follow a whole lifecycle from the mails).
    /// </summary>
    const string MailPolicy =
        "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    /// <summary>True when every address the host listens on is a loopback address.</summary>
    public static bool ListensOnLoopbackOnly(IConfiguration configuration)
    {
        var urls = (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.All(u => Uri.TryCreate(u.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))));
    }

    /// <summary>Only a browser on this machine, asking for this machine by a loopback name: no DNS rebinding, no neighbour.</summary>
    static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
        && context.Request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    public static void MapDevMail(this WebApplication app)
    {
        var group = app.MapGroup("/dev").AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext) ? await next(context) : Results.NotFound());

        group.MapGet("/mail.json", async (OutboxTransport outbox, CancellationToken ct) =>
        {
            var all = await outbox.ListAsync(ct);
            return Results.Json(all.Select(m => new { m.Key, m.ApplicationId, m.To, m.Subject, m.Text, m.Html, m.Links, m.SentAt }));
        });

        group.MapGet("/mail/{n:int}", async (int n, HttpContext context, OutboxTransport outbox, CancellationToken ct) =>
        {
            var all = await outbox.ListAsync(ct);
            if (n < 1 || n > all.Count)
            {
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = MailPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers.CacheControl = "no-store";
            return Results.Content(all[n - 1].Html, "text/html; charset=utf-8");
        });

        group.MapGet("/mail", async (HttpRequest request, OutboxTransport outbox, CancellationToken ct) =>
        {
            var lang = Problems.LanguageOf(request);
            var all = await outbox.ListAsync(ct);
            var body = new StringBuilder("<h1>").Append(Html.T(lang, "Verstuurde e-mail", "Sent email")).Append("</h1><p>")
                .Append(Html.T(lang,
                    "Zonder SendGrid-sleutel blijft e-mail hier, op deze computer. De nieuwste staat bovenaan. Open een e-mail om de links erin te volgen.",
                    "Without a SendGrid key, email stays here on this computer. The newest is at the top. Open an email to follow its links."))
                .Append("</p>");
            if (all.Count == 0)
            {
                body.Append("<p>").Append(Html.T(lang, "Er is nog geen e-mail verstuurd.", "No email has been sent yet.")).Append("</p>");
            }

            body.Append("<ol class=\"mails\" reversed>");
            for (var n = all.Count; n >= 1; n--)
            {
                var m = all[n - 1];
                body.Append("<li class=\"mail\"><h2>").Append(Html.E(m.Subject)).Append("</h2><p>")
                    .Append(Html.T(lang, "Aan", "To")).Append(": ").Append(Html.E(m.To)).Append(" · <time datetime=\"")
                    .Append(m.SentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
                    .Append(Html.E(m.SentAt.ToString("u", CultureInfo.InvariantCulture))).Append("</time></p>")
                    .Append("<p><a class=\"open-mail\" href=\"/dev/mail/").Append(n).Append("\">")
                    .Append(Html.T(lang, "Open de e-mail", "Open the email")).Append("<span class=\"visually-hidden\">: ").Append(Html.E(m.Subject)).Append("</span></a></p>")
                    .Append("<details><summary>").Append(Html.T(lang, "Tekst en links", "Text and links")).Append("</summary><pre>").Append(Html.E(m.Text)).Append("</pre><ul>");
                foreach (var link in m.Links)
                {
                    body.Append("<li><a href=\"").Append(Html.E(link)).Append("\">").Append(Html.E(link)).Append("</a></li>");
                }

                body.Append("</ul></details></li>");
            }

            body.Append("</ol>");
            return Html.Page(new PageOptions(lang, Html.T(lang, "Verstuurde e-mail", "Sent email"), body.ToString())
            {
                // Every email holds signed links.
                CarriesToken = true,
                SwitchLanguageHref = lang == Languages.English ? "/dev/mail?lang=nl" : "/dev/mail?lang=en",
            });
        });
    }
}
