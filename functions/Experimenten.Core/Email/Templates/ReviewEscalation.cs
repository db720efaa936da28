namespace Experimenten.Email.Templates;

/// <summary>To the fund office, when a round's deadline passed without every reviewer: who is missing (one bullet each).</summary>
public sealed class ReviewEscalation : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReviewEscalation;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReviewEscalation.Waiting", mail.Request.Round, mail.Title, mail.Request.ApplicationId, mail.Due);
        foreach (var name in mail.Facts.Comments)
        {
            mail.Bullet(name);
        }

        mail.CoordinatorLink();
        return mail.Words("ReviewEscalation.Subject", mail.Title);
    }
}
