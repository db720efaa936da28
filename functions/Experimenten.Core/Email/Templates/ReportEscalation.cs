namespace Experimenten.Email.Templates;

/// <summary>To the fund office, when a report is overdue.</summary>
public sealed class ReportEscalation : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportEscalation;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReportEscalation.Overdue", mail.Facts.ReportNumber, mail.Title, mail.Request.ApplicationId, mail.Due);
        mail.CoordinatorLink();
        return mail.Words("ReportEscalation.Subject", mail.Title);
    }
}
