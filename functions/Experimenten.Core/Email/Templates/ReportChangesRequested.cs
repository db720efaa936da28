using Experimenten.Links;

namespace Experimenten.Email.Templates;

/// <summary>To both contacts: the fund office asks for more in a report, with its comments and the upload link.</summary>
public sealed class ReportChangesRequested : IEmailTemplate
{
    public EmailKind Kind => EmailKind.ReportChangesRequested;

    public string Write(EmailDraft mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mail.Paragraph("ReportChangesRequested.Ask", mail.Title);
        mail.Comments();
        mail.UploadLink(LinkPurpose.Report, "report", "Link.ReportUpdate.Label");
        return mail.Words("ReportChangesRequested.Subject", mail.Title);
    }
}
