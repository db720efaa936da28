namespace Experimenten.Email.Templates;

/// <summary>To both contacts: the fund will not support the experiment, with the reviewers' comments.</summary>
public sealed class Rejected : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Rejected;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Rejected.Decision", mail.Title);
        mail.Comments();
        mail.Paragraph("Rejected.Thanks");
        mail.StatusLink();
        return mail.Words("Rejected.Subject", mail.Title);
    }
}
