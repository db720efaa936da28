namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when every report is in and accepted.</summary>
public sealed class Completed : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Completed;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Completed.Thanks", mail.Title);
        mail.StatusLink();
        return mail.Words("Completed.Subject", mail.Title);
    }
}
