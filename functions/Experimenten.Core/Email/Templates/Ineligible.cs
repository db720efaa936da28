namespace Experimenten.Email.Templates;

/// <summary>To both contacts, when screening turned the application down: every reason, in words.</summary>
public sealed class Ineligible : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Ineligible;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Ineligible.Why", mail.Title, mail.Request.ApplicationId);
        foreach (var failure in mail.Facts.Failures ?? [])
        {
            mail.Bullet(mail.Explain(failure));
        }

        mail.Paragraph("Ineligible.Questions");
        mail.StatusLink();
        return mail.Words("Ineligible.Subject", mail.Title);
    }
}
