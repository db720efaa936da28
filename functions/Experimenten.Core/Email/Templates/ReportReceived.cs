namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when a report arrived.</summary>
public sealed class ReportReceived : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportReceived;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReportReceived.Thanks", mail.Title);
        mail.StatusLink();
        return mail.Words("ReportReceived.Subject", mail.Title);
    }
}
