namespace Experimenten.Email.Templates;

/// <summary>To the fund office: a contact asked for their data; the legal deadline, and where to export it. Names nobody.</summary>
public sealed class DataRequested : IEmailTemplate
{
    public EmailKind Kind => EmailKind.DataRequested;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("DataRequested.Asked", mail.Title, mail.Request.ApplicationId);
        mail.Paragraph("DataRequested.Due", mail.Due);
        mail.CoordinatorLink();
        return mail.Words("DataRequested.Subject", mail.Title);
    }
}
