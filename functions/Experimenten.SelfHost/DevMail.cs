using System.Text;
using Experimenten.Email;
using Experimenten.Pages;

namespace Experimenten.SelfHost;

/// <summary>The local outbox viewer (self-host without SendGrid only): /dev/mail and /dev/mail.json.</summary>
static class DevMail
{
    public static void MapDevMail(this WebApplication app)
    {
        app.MapGet("/dev/mail.json", async (OutboxTransport outbox, CancellationToken ct) =>
        {
            var all = await outbox.ListAsync(ct);
            return Results.Json(all.Select(m => new { m.Key, m.ApplicationId, m.To, m.Subject, m.Text, m.Html, m.Links, m.SentAt }));
        });

        app.MapGet("/dev/mail", async (OutboxTransport outbox, CancellationToken ct) =>
        {
            var all = await outbox.ListAsync(ct);
            var body = new StringBuilder("<h1>Outbox</h1><p>E-mail die zonder SendGrid-sleutel lokaal blijft. Email kept locally without a SendGrid key.</p>");
            foreach (var (m, i) in all.Reverse().Select((m, i) => (m, i)))
            {
                body.Append("<article class=\"mail\"><h2>").Append(Html.E(m.Subject)).Append("</h2><p>")
                    .Append("Aan / To: ").Append(Html.E(m.To)).Append(" · ")
                    .Append(Html.E(m.SentAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append("</p><pre>")
                    .Append(Html.E(m.Text)).Append("</pre><ul>");
                foreach (var link in m.Links)
                {
                    body.Append("<li><a href=\"").Append(Html.E(link)).Append("\">").Append(Html.E(link)).Append("</a></li>");
                }

                body.Append("</ul></article>");
            }

            return Html.Page("nl", "Outbox", body.ToString(), carriesToken: true);
        });
    }
}
