using Experimenten.Links;

namespace Experimenten.Email.Templates;

/// <summary>What the three report reminders share: which report, what to write, the upload link.</summary>
static class ReportRequest
{
    /// <summary>Writes the reminder; <paramref name="dueKey"/> says when it is due ({0} the report, {1} the title, {2} the deadline).</summary>
    public static void Write(EmailDraft mail, string dueKey)
    {
        var which = mail.Facts.FinalReport ? mail.Words("Report.Final") : mail.Words("Report.Progress", mail.Facts.ReportNumber);
        mail.Paragraph(dueKey, which, mail.Title, mail.Due);
        mail.Paragraph("Report.ShortText");
        mail.UploadLink(LinkPurpose.Report, "report", "Link.Report.Label");
    }
}
