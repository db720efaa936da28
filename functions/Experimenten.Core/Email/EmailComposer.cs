using System.Collections.Frozen;
using Experimenten.Domain;
using Experimenten.Email.Templates;
using Experimenten.Pages;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Email;

/// <summary>
/// Picks the template of an email's kind (<c>Email/Templates/</c>), lets it write its blocks in the recipient's
/// language between the greeting and the sign-off, and writes those blocks as text and as HTML.
/// </summary>
public sealed class EmailComposer(EmailLinks links, Formatting format, IStringLocalizer<EmailText> text, PageRenderer pages)
{
    static readonly FrozenDictionary<EmailKind, IEmailTemplate> Templates = new IEmailTemplate[]
    {
        new Received(), new Ineligible(), new ChangesRequested(), new RevisionReminder(), new Lapsed(), new Approved(),
        new Rejected(), new ReportDueSoon(), new ReportDueToday(), new ReportOverdue(), new ReportReceived(),
        new ReportAccepted(), new ReportChangesRequested(), new Completed(), new Withdrawn(), new Cancelled(),
        new DeadlineMoved(), new ContactHandedOver(), new ContactWelcome(), new ReviewInvitation(),
        new ReviewReminderSoon(), new ReviewReminderDue(), new ReviewOverdue(), new ReviewEscalation(),
        new ReportEscalation(), new ReportToAssess(), new DataRequested(),
    }.ToFrozenDictionary(t => t.Kind);

    public async Task<EmailMessage> ComposeAsync(EmailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Templates.TryGetValue(request.Kind, out var template))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "No template for this email.");
        }

        var language = Languages.Normalize(request.To.Language);
        var mail = new EmailDraft(request, language, text, format, links);
        string subject;
        using (TextCulture.Use(language))
        {
            mail.Paragraph("Greeting", request.To.Name);
            subject = template.Write(mail);
            mail.Paragraph("SignOff");
        }

        var html = await pages.RenderAsync<EmailHtml>(language, new Dictionary<string, object?>
        {
            [nameof(EmailHtml.Subject)] = subject,
            [nameof(EmailHtml.Body)] = mail.Body,
        });
        return new EmailMessage(request.Key, request.ApplicationId, request.To.Email, request.To.Name, subject, mail.Body.Text(), html, mail.Body.Links);
    }
}
