using System.Globalization;
using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Email.Templates;

/// <summary>
/// One email being written: the request's facts, its words in the recipient's language (the composer sets the
/// text culture), dates and amounts in the fund's zone, and the parts several kinds share.
/// </summary>
public sealed class EmailDraft(EmailRequest request, string language, IStringLocalizer<EmailText> text, Formatting format, EmailLinks links)
{
    public EmailRequest Request => request;

    public EmailFacts Facts => request.Facts;

    public string Language => language;

    public EmailBody Body { get; } = new();

    public string Title => Facts.Title;

    /// <summary>The deadline the email is about, as the reader reads a moment; empty when it has none.</summary>
    public string Due => Facts.Deadline is { } d ? format.Moment(d, language) : "";

    public string Amount(long euros) => format.Amount(euros, language);

    public string Moment(DateTimeOffset at) => format.Moment(at, language);

    /// <summary>A text from <c>EmailText</c>, its {0}-style places filled in order.</summary>
    public string Words(string key, params object[] args) => text[key, args];

    public void Paragraph(string key, params object[] args) => Body.Paragraph(Words(key, args));

    public void Bullet(string content) => Body.Bullet(content);

    public void Comments()
    {
        if (Facts.Comments.Count == 0)
        {
            return;
        }

        Paragraph("Comments.Intro");
        foreach (var comment in Facts.Comments)
        {
            Bullet(comment);
        }
    }

    public void Reason()
    {
        if (Facts.Reason.Length > 0)
        {
            Paragraph("Reason", Facts.Reason);
        }
    }

    public void StatusLink() => Body.Link(Words("Link.Status.Intro"), Words("Link.Status.Label"), links.Status(request));

    public void UploadLink(LinkPurpose purpose, string path, string labelKey) =>
        Body.Link(Words("Link.Personal.Intro"), Words(labelKey), links.Upload(request, purpose, path));

    public void ReviewLinks()
    {
        Body.Link(Words("Link.Plan.Intro"), Words("Link.Plan.Label"), links.Plan(request));
        Body.Link(Words("Link.Review.Intro"), Words("Link.Review.Label"), links.Review(request));
    }

    public void CoordinatorLink() => Body.Link(Words("Link.Coordinator.Intro"), Words("Link.Coordinator.Label"), links.Coordinator(request));

    /// <summary>Why screening turned the application down; a rule without words shows its name.</summary>
    public string Explain(ScreeningFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var key = $"Screening.{failure.Rule}";
        var words = failure.Rule switch
        {
            ScreeningRule.CallClosed => text[key, ClosedAt(failure)],
            ScreeningRule.BudgetAboveCap => text[key, Amount(Facts.BudgetRequested), Amount(long.Parse(failure.Detail ?? "0", CultureInfo.InvariantCulture))],
            _ => text[key],
        };
        return words.ResourceNotFound ? failure.Rule.ToString() : words.Value;
    }

    string ClosedAt(ScreeningFailure failure) =>
        DateTimeOffset.TryParse(failure.Detail, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? Moment(at)
            : failure.Detail ?? "";
}
