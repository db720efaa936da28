namespace Experimenten.Email.Templates;

/// <summary>To the contact who handed over: who gets the emails now, and that their old links stopped working (so no link here).</summary>
public sealed class ContactHandedOver : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ContactHandedOver;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ContactHandedOver.NoLonger", mail.Title, mail.Facts.OtherName ?? "");
        mail.Paragraph("ContactHandedOver.OldLinks");
        return mail.Words("ContactHandedOver.Subject", mail.Title);
    }
}
