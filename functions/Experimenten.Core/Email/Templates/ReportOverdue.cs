namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when a report is past its deadline.</summary>
public sealed class ReportOverdue : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportOverdue;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ReportRequest.Write(mail, "ReportOverdue.Due");
        return mail.Words("ReportOverdue.Subject", mail.Title);
    }
}
