namespace Experimenten.Email.Templates;

/// <summary>To both contacts: the fund approved the experiment; the amount, the reviewers' comments and what reporting asks.</summary>
public sealed class Approved : IEmailTemplate
{
    public EmailKind Kind => EmailKind.Approved;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("Approved.News", mail.Title, mail.Amount(mail.Facts.BudgetRequested));
        mail.Comments();
        mail.Paragraph("Approved.Reports");
        mail.StatusLink();
        return mail.Words("Approved.Subject", mail.Title);
    }
}
