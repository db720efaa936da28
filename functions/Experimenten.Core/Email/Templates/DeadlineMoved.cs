namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when the fund office moved a deadline: the new one and why.</summary>
public sealed class DeadlineMoved : IEmailTemplate
{
    public EmailKind Kind => EmailKind.DeadlineMoved;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("DeadlineMoved.Moved", mail.Title, mail.Due);
        mail.Reason();
        mail.StatusLink();
        return mail.Words("DeadlineMoved.Subject", mail.Title);
    }
}
