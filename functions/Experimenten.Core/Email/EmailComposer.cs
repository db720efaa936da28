using System.Net;
using System.Text;
using Experimenten.Domain;
using Experimenten.Links;
using Microsoft.Extensions.Options;

namespace Experimenten.Email;

/// <summary>Writes each email in plain language, Dutch or English, as text and HTML with signed links.</summary>
public sealed class EmailComposer(LinkSigner signer, IOptions<LinksOptions> links, Formatting format)
{
    public EmailMessage Compose(EmailRequest request)
    {
        var lang = request.To.Language;
        var body = new Body(lang);
        string subject = request.Kind switch
        {
            EmailKind.Received => Received(request, body),
            EmailKind.Ineligible => Ineligible(request, body),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "No template for this email."),
        };

        body.Paragraph(
            "Met vriendelijke groet,\nHet fondsbureau Experimenten",
            "Kind regards,\nThe Experimenten fund office");
        return new EmailMessage(request.Key, request.ApplicationId, request.To.Email, request.To.Name, subject, body.Text(), body.Html(subject), body.Links);
    }

    string Received(EmailRequest r, Body b)
    {
        b.Paragraph($"Beste {r.To.Name},", $"Dear {r.To.Name},");
        b.Paragraph(
            $"We hebben de aanvraag \"{r.Facts.Title}\" van {r.Facts.InitiativeName} goed ontvangen. Het kenmerk is {r.ApplicationId}.",
            $"We have received the application \"{r.Facts.Title}\" from {r.Facts.InitiativeName}. Its reference is {r.ApplicationId}.");
        b.Paragraph(
            "De aanvraag voldoet aan de voorwaarden van de oproep. Nu lezen de beoordelaars van het fonds uw plan. U krijgt een e-mail zodra er nieuws is.",
            "The application meets the conditions of the call. The fund's reviewers will now read your plan. You will get an email as soon as there is news.");
        b.Paragraph(
            "Deze e-mail gaat naar de contactpersoon van de bewoners en naar die van de welzijnsorganisatie.",
            "This email goes to the residents' contact and to the welfare organisation's contact.");
        StatusLink(r, b);
        return b.Pick($"Aanvraag ontvangen: {r.Facts.Title}", $"Application received: {r.Facts.Title}");
    }

    string Ineligible(EmailRequest r, Body b)
    {
        b.Paragraph($"Beste {r.To.Name},", $"Dear {r.To.Name},");
        b.Paragraph(
            $"We hebben de aanvraag \"{r.Facts.Title}\" ontvangen (kenmerk {r.ApplicationId}). Helaas kunnen we hem niet in behandeling nemen, om deze reden:",
            $"We have received the application \"{r.Facts.Title}\" (reference {r.ApplicationId}). Unfortunately we cannot take it into review, for this reason:");
        foreach (var failure in r.Facts.Failures ?? [])
        {
            b.Bullet(Explain(failure, r, b.Language));
        }

        b.Paragraph(
            "Heeft u vragen, of denkt u dat dit niet klopt? Antwoord dan op deze e-mail.",
            "Questions, or do you think this is wrong? Just reply to this email.");
        StatusLink(r, b);
        return b.Pick($"Aanvraag niet in behandeling: {r.Facts.Title}", $"Application not taken into review: {r.Facts.Title}");
    }

    string Explain(ScreeningFailure failure, EmailRequest r, string lang) => failure.Rule switch
    {
        ScreeningRule.CallClosed => Pick(lang,
            $"De oproep sloot op {Deadline(failure, lang)}. De aanvraag kwam daarna binnen.",
            $"The call closed on {Deadline(failure, lang)}. The application arrived after that."),
        ScreeningRule.BudgetAboveCap => Pick(lang,
            $"U vraagt {Formatting.Euros(r.Facts.BudgetRequested, lang)}. Deze oproep geeft hoogstens {Formatting.Euros(long.Parse(failure.Detail ?? "0", System.Globalization.CultureInfo.InvariantCulture), lang)} per experiment.",
            $"You ask for {Formatting.Euros(r.Facts.BudgetRequested, lang)}. This call gives at most {Formatting.Euros(long.Parse(failure.Detail ?? "0", System.Globalization.CultureInfo.InvariantCulture), lang)} per experiment."),
        ScreeningRule.NoResidentContact => Pick(lang,
            "Er staat geen contactpersoon van de bewoners in de aanvraag. Het initiatief hoort bij de bewoners, dus die contactpersoon is nodig.",
            "The application names no residents' contact. The initiative belongs to the residents, so that contact is needed."),
        ScreeningRule.NoWelfareOrganisation => Pick(lang,
            "Er staat geen welzijnsorganisatie in de aanvraag. Deze oproep is voor samenwerking tussen bewoners en een welzijnsorganisatie.",
            "The application names no welfare organisation. This call is for collaboration between residents and a welfare organisation."),
        ScreeningRule.NoPlan => Pick(lang,
            "Er zit geen plan bij de aanvraag. Een korte tekst of één bestand is genoeg.",
            "The application has no plan. A short text or one file is enough."),
        _ => failure.Rule.ToString(),
    };

    string Deadline(ScreeningFailure failure, string lang) =>
        DateTimeOffset.TryParse(failure.Detail, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? format.Moment(at, lang)
            : failure.Detail ?? "";

    void StatusLink(EmailRequest r, Body b)
    {
        var token = signer.Sign(LinkPurpose.Status, r.ApplicationId, r.To.Key, 0, links.Value.StatusLinkLifetime);
        b.Link(
            "Bekijk hier steeds hoe het met de aanvraag staat:",
            "Follow the application here at any time:",
            "Status van de aanvraag", "Application status",
            $"{links.Value.BaseUrl}/status/{token}");
    }

    static string Pick(string lang, string nl, string en) => lang == Languages.English ? en : nl;

    /// <summary>Collects paragraphs once and renders them as text and as HTML, every user value encoded.</summary>
    sealed class Body(string language)
    {
        readonly List<(string Kind, string Text, string? Url)> blocks = [];

        public string Language => language;

        public List<string> Links { get; } = [];

        public string Pick(string nl, string en) => language == Languages.English ? en : nl;

        public void Paragraph(string nl, string en) => blocks.Add(("p", Pick(nl, en), null));

        public void Bullet(string text) => blocks.Add(("li", text, null));

        public void Link(string introNl, string introEn, string labelNl, string labelEn, string url)
        {
            blocks.Add(("p", Pick(introNl, introEn), null));
            blocks.Add(("a", Pick(labelNl, labelEn), url));
            Links.Add(url);
        }

        public string Text()
        {
            var text = new StringBuilder();
            foreach (var (kind, content, url) in blocks)
            {
                text.Append(kind switch
                {
                    "li" => $"- {content}\n",
                    "a" => $"{url}\n\n",
                    _ => $"{content}\n\n",
                });
            }

            return text.ToString().TrimEnd() + "\n";
        }

        public string Html(string subject)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode(subject))
                .Append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em\">");
            var inList = false;
            foreach (var (kind, content, url) in blocks)
            {
                if (kind == "li" && !inList)
                {
                    html.Append("<ul>");
                    inList = true;
                }
                else if (kind != "li" && inList)
                {
                    html.Append("</ul>");
                    inList = false;
                }

                var encoded = WebUtility.HtmlEncode(content).Replace("\n", "<br>", StringComparison.Ordinal);
                html.Append(kind switch
                {
                    "li" => $"<li>{encoded}</li>",
                    "a" => $"<p><a href=\"{WebUtility.HtmlEncode(url)}\" style=\"color:#0b5394;font-weight:bold\">{encoded}</a></p>",
                    _ => $"<p>{encoded}</p>",
                });
            }

            if (inList)
            {
                html.Append("</ul>");
            }

            return html.Append("</body></html>").ToString();
        }
    }
}
