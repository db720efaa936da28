using Experimenten.Links;

namespace Experimenten.Email.Templates;

/// <summary>To both contacts: the reviewers ask for a revised plan, with their comments and the upload link.</summary>
public sealed class ChangesRequested : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ChangesRequested;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ChangesRequested.Read", mail.Title);
        mail.Comments();
        mail.Paragraph("ChangesRequested.Before", mail.Due);
        mail.UploadLink(LinkPurpose.Revision, "revision", "Link.Revision.Label");
        return mail.Words("ChangesRequested.Subject", mail.Title);
    }
}
