namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when the applicants withdrew the application, with their reason.</summary>
public sealed class Withdrawn : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Withdrawn;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Withdrawn.Done", mail.Title);
        mail.Reason();
        mail.StatusLink();
        return mail.Words("Withdrawn.Subject", mail.Title);
    }
}
