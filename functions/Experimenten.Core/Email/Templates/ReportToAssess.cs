namespace Experimenten.Email.Templates;

/// <summary>To the fund office, when a report arrived to accept or send back.</summary>
public sealed class ReportToAssess : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportToAssess;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReportToAssess.Arrived", mail.Facts.ReportNumber, mail.Title, mail.Request.ApplicationId);
        mail.CoordinatorLink();
        return mail.Words("ReportToAssess.Subject", mail.Title);
    }
}
