namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when the fund office accepted a report.</summary>
public sealed class ReportAccepted : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportAccepted;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReportAccepted.Thanks", mail.Title);
        mail.StatusLink();
        return mail.Words("ReportAccepted.Subject", mail.Title);
    }
}
