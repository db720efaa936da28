using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Pages;
using Experimenten.SelfHost.Pages.Development;

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

        group.MapGet("/mail", async (HttpRequest request, OutboxTransport outbox, PageRenderer pages, CancellationToken ct) =>
            pages.Page<OutboxPage>(Problems.LanguageOf(request), new Dictionary<string, object?> { [nameof(OutboxPage.Mails)] = await outbox.ListAsync(ct) },
                // Every email holds signed links.
                new PageResponse { CarriesToken = true }));
    }
}
