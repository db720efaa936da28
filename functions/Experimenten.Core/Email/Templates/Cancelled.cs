namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when the fund office stopped the application, with its reason.</summary>
public sealed class Cancelled : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Cancelled;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Cancelled.Done", mail.Title);
        mail.Reason();
        mail.StatusLink();
        return mail.Words("Cancelled.Subject", mail.Title);
    }
}
