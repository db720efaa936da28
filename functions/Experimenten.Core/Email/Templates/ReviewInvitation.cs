namespace Experimenten.Email.Templates;

/// <summary>To each reviewer of a round: who applied, the round, the deadline, the summary, and the plan and review links.</summary>
public sealed class ReviewInvitation : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReviewInvitation;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var f = mail.Facts;
        mail.Paragraph("ReviewInvitation.Ask", mail.Title, f.InitiativeName, f.WelfareOrganisation, f.Municipality, mail.Request.Round, mail.Due);
        if (f.Summary.Length > 0)
        {
            mail.Paragraph("ReviewInvitation.Summary", f.Summary);
        }

        mail.ReviewLinks();
        return mail.Words("ReviewInvitation.Subject", mail.Title);
    }
}
