namespace Experimenten.Email.Templates;

/// <summary>To both contacts, shortly before a report is due.</summary>
public sealed class ReportDueSoon : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportDueSoon;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ReportRequest.Write(mail, "ReportDueSoon.Due");
        return mail.Words("Report.Requested.Subject", mail.Title);
    }
}
