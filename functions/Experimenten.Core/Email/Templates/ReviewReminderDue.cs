namespace Experimenten.Email.Templates;

/// <summary>To a reviewer who has not decided, on the day of the deadline.</summary>
public sealed class ReviewReminderDue : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReviewReminderDue;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReviewReminderDue.Remind", mail.Title, mail.Request.Round, mail.Due);
        mail.ReviewLinks();
        return mail.Words("Review.Reminder.Subject", mail.Title);
    }
}
