using Experimenten.Links;

namespace Experimenten.Email.Templates;

/// <summary>To both contacts, before the revision deadline.</summary>
public sealed class RevisionReminder : IEmailTemplate
{
    public EmailKind Kind => EmailKind.RevisionReminder;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("RevisionReminder.Waiting", mail.Title, mail.Due);
        mail.UploadLink(LinkPurpose.Revision, "revision", "Link.Revision.Label");
        return mail.Words("RevisionReminder.Subject", mail.Title);
    }
}
