namespace Experimenten.Email.Templates;

/// <summary>To the new contact after a hand-over: whom they take over from, and their own status link.</summary>
public sealed class ContactWelcome : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ContactWelcome;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ContactWelcome.Now", mail.Title, mail.Request.ApplicationId, mail.Facts.OtherName ?? "");
        mail.StatusLink();
        return mail.Words("ContactWelcome.Subject", mail.Title);
    }
}
