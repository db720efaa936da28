namespace Experimenten.Email.Templates;

/// <summary>To a reviewer who has not decided, shortly before the deadline.</summary>
public sealed class ReviewReminderSoon : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReviewReminderSoon;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReviewReminderSoon.Remind", mail.Title, mail.Request.Round, mail.Due);
        mail.ReviewLinks();
        return mail.Words("Review.Reminder.Subject", mail.Title);
    }
}
