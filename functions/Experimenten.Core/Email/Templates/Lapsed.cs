namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when no revised plan came before the deadline.</summary>
public sealed class Lapsed : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Lapsed;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Lapsed.NoPlan", mail.Title);
        mail.Paragraph("Lapsed.Again");
        mail.StatusLink();
        return mail.Words("Lapsed.Subject", mail.Title);
    }
}
