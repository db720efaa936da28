namespace Experimenten.Email.Templates;

/// <summary>To both contacts, on the day a report is due.</summary>
public sealed class ReportDueToday : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportDueToday;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ReportRequest.Write(mail, "ReportDueToday.Due");
        return mail.Words("Report.Requested.Subject", mail.Title);
    }
}
