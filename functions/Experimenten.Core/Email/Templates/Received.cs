namespace Experimenten.Email.Templates;

/// <summary>To both contacts, once screening passed: the reference, and what happens next.</summary>
public sealed class Received : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Received;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Received.Thanks", mail.Title, mail.Facts.InitiativeName, mail.Request.ApplicationId);
        mail.Paragraph("Received.Next");
        mail.Paragraph("Received.BothContacts");
        mail.StatusLink();
        return mail.Words("Received.Subject", mail.Title);
    }
}
