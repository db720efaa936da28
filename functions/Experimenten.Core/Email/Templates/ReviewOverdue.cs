namespace Experimenten.Email.Templates;

/// <summary>To a reviewer who has not decided, once the deadline passed.</summary>
public sealed class ReviewOverdue : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReviewOverdue;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReviewOverdue.Passed", mail.Title, mail.Request.Round, mail.Due);
        mail.ReviewLinks();
        return mail.Words("ReviewOverdue.Subject", mail.Title);
    }
}
