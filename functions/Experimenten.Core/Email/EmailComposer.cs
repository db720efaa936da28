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
        ArgumentNullException.ThrowIfNull(request);
        var b = new Body(request.To.Language);
        var subject = Write(request, b);
        b.Paragraph(
            "Met vriendelijke groet,\nHet fondsbureau Experimenten",
            "Kind regards,\nThe Experimenten fund office");
        return new EmailMessage(request.Key, request.ApplicationId, request.To.Email, request.To.Name, subject, b.Text(), b.Html(subject), b.Links);
    }

    string Write(EmailRequest r, Body b)
    {
        var f = r.Facts;
        var lang = b.Language;
        var title = f.Title;
        var due = f.Deadline is { } d ? format.Moment(d, lang) : "";
        b.Paragraph($"Beste {r.To.Name},", $"Dear {r.To.Name},");
        switch (r.Kind)
        {
            case EmailKind.Received:
                b.Paragraph(
                    $"We hebben de aanvraag \"{title}\" van {f.InitiativeName} goed ontvangen. Het kenmerk is {r.ApplicationId}.",
                    $"We have received the application \"{title}\" from {f.InitiativeName}. Its reference is {r.ApplicationId}.");
                b.Paragraph(
                    "De aanvraag voldoet aan de voorwaarden van de oproep. Nu lezen de beoordelaars van het fonds uw plan. U krijgt een e-mail zodra er nieuws is.",
                    "The application meets the conditions of the call. The fund's reviewers will now read your plan. You will get an email as soon as there is news.");
                b.Paragraph(
                    "Deze e-mail gaat naar de contactpersoon van de bewoners en naar die van de welzijnsorganisatie.",
                    "This email goes to the residents' contact and to the welfare organisation's contact.");
                StatusLink(r, b);
                return b.Pick($"Aanvraag ontvangen: {title}", $"Application received: {title}");

            case EmailKind.Ineligible:
                b.Paragraph(
                    $"We hebben de aanvraag \"{title}\" ontvangen (kenmerk {r.ApplicationId}). Helaas kunnen we hem niet in behandeling nemen, om deze reden:",
                    $"We have received the application \"{title}\" (reference {r.ApplicationId}). Unfortunately we cannot take it into review, for this reason:");
                foreach (var failure in f.Failures ?? [])
                {
                    b.Bullet(Explain(failure, r, lang));
                }

                b.Paragraph(
                    "Heeft u vragen, of denkt u dat dit niet klopt? Antwoord dan op deze e-mail.",
                    "Questions, or do you think this is wrong? Just reply to this email.");
                StatusLink(r, b);
                return b.Pick($"Aanvraag niet in behandeling: {title}", $"Application not taken into review: {title}");

            case EmailKind.ChangesRequested:
                b.Paragraph(
                    $"De beoordelaars hebben het plan \"{title}\" gelezen. Ze vragen u om het plan aan te passen voordat ze beslissen.",
                    $"The reviewers have read the plan \"{title}\". They ask you to revise it before they decide.");
                Comments(b, f);
                b.Paragraph($"Stuur het aangepaste plan vóór {due}.", $"Please send the revised plan before {due}.");
                UploadLink(r, b, LinkPurpose.Revision, "revision", "Aangepast plan sturen", "Send the revised plan");
                return b.Pick($"Pas uw plan aan: {title}", $"Please revise your plan: {title}");

            case EmailKind.RevisionReminder:
                b.Paragraph(
                    $"Een herinnering: we wachten nog op het aangepaste plan voor \"{title}\". De deadline is {due}. Komt er geen nieuw plan, dan vervalt de aanvraag.",
                    $"A reminder: we are still waiting for the revised plan for \"{title}\". The deadline is {due}. Without a new plan the application lapses.");
                UploadLink(r, b, LinkPurpose.Revision, "revision", "Aangepast plan sturen", "Send the revised plan");
                return b.Pick($"Herinnering: aangepast plan voor {title}", $"Reminder: revised plan for {title}");

            case EmailKind.Lapsed:
                b.Paragraph(
                    $"Er kwam geen aangepast plan voor \"{title}\" vóór de deadline. Daarom is de aanvraag vervallen.",
                    $"No revised plan for \"{title}\" arrived before the deadline, so the application has lapsed.");
                b.Paragraph("U kunt bij een volgende oproep opnieuw aanvragen. Vragen? Antwoord op deze e-mail.", "You can apply again in a later call. Questions? Reply to this email.");
                StatusLink(r, b);
                return b.Pick($"Aanvraag vervallen: {title}", $"Application lapsed: {title}");

            case EmailKind.Approved:
                b.Paragraph(
                    $"Goed nieuws: het fonds heeft het experiment \"{title}\" goedgekeurd. U krijgt {Formatting.Euros(f.BudgetRequested, lang)}.",
                    $"Good news: the fund has approved the experiment \"{title}\". You will receive {Formatting.Euros(f.BudgetRequested, lang)}.");
                Comments(b, f);
                b.Paragraph(
                    "Tijdens het experiment vragen we een paar keer om een kort verslag: wat leert u over samenwerken? Zwaar verantwoorden is niet nodig. U krijgt op tijd een e-mail met een link.",
                    "During the experiment we will ask a few times for a short report: what are you learning about working together? No heavy accounting. You will get an email with a link in good time.");
                StatusLink(r, b);
                return b.Pick($"Goedgekeurd: {title}", $"Approved: {title}");

            case EmailKind.Rejected:
                b.Paragraph(
                    $"Het fonds heeft besloten het experiment \"{title}\" niet te steunen.",
                    $"The fund has decided not to support the experiment \"{title}\".");
                Comments(b, f);
                b.Paragraph("Dank voor uw aanvraag. Vragen? Antwoord op deze e-mail.", "Thank you for applying. Questions? Reply to this email.");
                StatusLink(r, b);
                return b.Pick($"Besluit over uw aanvraag: {title}", $"Decision on your application: {title}");

            case EmailKind.ReportDueSoon:
            case EmailKind.ReportDueToday:
            case EmailKind.ReportOverdue:
                var which = f.FinalReport ? b.Pick("eindverslag", "final report") : b.Pick($"voortgangsverslag {f.ReportNumber}", $"progress report {f.ReportNumber}");
                b.Paragraph(r.Kind switch
                {
                    EmailKind.ReportDueSoon => b.Pick($"Binnenkort is het tijd voor het {which} over \"{title}\". De deadline is {due}.", $"The {which} on \"{title}\" is due soon: {due}."),
                    EmailKind.ReportDueToday => b.Pick($"Vandaag is de deadline voor het {which} over \"{title}\" ({due}).", $"Today is the deadline for the {which} on \"{title}\" ({due})."),
                    _ => b.Pick($"We hebben het {which} over \"{title}\" nog niet ontvangen. De deadline was {due}. Stuur het zo snel als het kan.", $"We have not yet received the {which} on \"{title}\". It was due {due}. Please send it as soon as you can."),
                });
                b.Paragraph(
                    "Een korte tekst is genoeg: wat ging er goed in de samenwerking tussen bewoners en welzijnsorganisatie, wat was lastig, wat heeft u geleerd?",
                    "A short text is enough: what went well in the collaboration between residents and the welfare organisation, what was hard, what did you learn?");
                UploadLink(r, b, LinkPurpose.Report, "report", "Verslag sturen", "Send the report");
                return r.Kind switch
                {
                    EmailKind.ReportOverdue => b.Pick($"Verslag te laat: {title}", $"Report overdue: {title}"),
                    _ => b.Pick($"Verslag gevraagd: {title}", $"Report requested: {title}"),
                };

            case EmailKind.ReportReceived:
                b.Paragraph($"Dank u wel: we hebben het verslag over \"{title}\" ontvangen. Het fondsbureau leest het.", $"Thank you: we have received the report on \"{title}\". The fund office will read it.");
                StatusLink(r, b);
                return b.Pick($"Verslag ontvangen: {title}", $"Report received: {title}");

            case EmailKind.ReportAccepted:
                b.Paragraph($"Het fondsbureau heeft het verslag over \"{title}\" goedgekeurd. Dank voor wat u deelt.", $"The fund office has accepted the report on \"{title}\". Thank you for sharing what you learned.");
                StatusLink(r, b);
                return b.Pick($"Verslag goedgekeurd: {title}", $"Report accepted: {title}");

            case EmailKind.ReportChangesRequested:
                b.Paragraph($"Het fondsbureau vraagt u het verslag over \"{title}\" aan te vullen.", $"The fund office asks you to add to the report on \"{title}\".");
                Comments(b, f);
                UploadLink(r, b, LinkPurpose.Report, "report", "Aangevuld verslag sturen", "Send the updated report");
                return b.Pick($"Vul uw verslag aan: {title}", $"Please update your report: {title}");

            case EmailKind.Completed:
                b.Paragraph(
                    $"Het experiment \"{title}\" is afgerond: alle verslagen zijn binnen en goedgekeurd. Dank u wel voor uw inzet en voor wat u heeft geleerd.",
                    $"The experiment \"{title}\" is complete: every report is in and accepted. Thank you for your work and for what you learned.");
                StatusLink(r, b);
                return b.Pick($"Experiment afgerond: {title}", $"Experiment completed: {title}");

            case EmailKind.Withdrawn:
                b.Paragraph($"De aanvraag \"{title}\" is ingetrokken. We doen er verder niets meer mee.", $"The application \"{title}\" has been withdrawn. We will take no further action on it.");
                Reason(b, f);
                StatusLink(r, b);
                return b.Pick($"Aanvraag ingetrokken: {title}", $"Application withdrawn: {title}");

            case EmailKind.Cancelled:
                b.Paragraph($"Het fondsbureau heeft de aanvraag \"{title}\" stopgezet.", $"The fund office has cancelled the application \"{title}\".");
                Reason(b, f);
                StatusLink(r, b);
                return b.Pick($"Aanvraag stopgezet: {title}", $"Application cancelled: {title}");

            case EmailKind.DeadlineMoved:
                b.Paragraph($"Het fondsbureau heeft de deadline voor \"{title}\" verzet naar {due}.", $"The fund office has moved the deadline for \"{title}\" to {due}.");
                Reason(b, f);
                StatusLink(r, b);
                return b.Pick($"Nieuwe deadline: {title}", $"New deadline: {title}");

            case EmailKind.ContactHandedOver:
                b.Paragraph(
                    $"U bent niet langer de contactpersoon voor \"{title}\". Vanaf nu krijgt {f.OtherName} de e-mails. De aanvraag en alles wat er al gebeurde blijven bewaard.",
                    $"You are no longer the contact for \"{title}\". From now on {f.OtherName} gets the emails. The application and its history stay as they are.");
                b.Paragraph(
                    "De links in de e-mails die u eerder kreeg, werken daarom niet meer. Was dit niet de bedoeling? Antwoord dan op deze e-mail, dan kijkt het fondsbureau mee.",
                    "The links in the emails you received before therefore no longer work. Was this not meant to happen? Reply to this email and the fund office will look into it.");
                return b.Pick($"Contactpersoon overgedragen: {title}", $"Contact handed over: {title}");

            case EmailKind.ContactWelcome:
                b.Paragraph(
                    $"U bent nu contactpersoon voor \"{title}\" (kenmerk {r.ApplicationId}), in plaats van {f.OtherName}. U krijgt voortaan alle e-mails over deze aanvraag.",
                    $"You are now a contact for \"{title}\" (reference {r.ApplicationId}), taking over from {f.OtherName}. From now on you get every email about this application.");
                StatusLink(r, b);
                return b.Pick($"U bent contactpersoon: {title}", $"You are now the contact: {title}");

            case EmailKind.ReviewInvitation:
            case EmailKind.ReviewReminderSoon:
            case EmailKind.ReviewReminderDue:
            case EmailKind.ReviewOverdue:
                b.Paragraph(r.Kind switch
                {
                    EmailKind.ReviewInvitation => b.Pick(
                        $"Wilt u de aanvraag \"{title}\" van {f.InitiativeName} en {f.WelfareOrganisation} ({f.Municipality}) beoordelen? Dit is ronde {r.Round}. Uw besluit graag vóór {due}.",
                        $"Would you review the application \"{title}\" from {f.InitiativeName} and {f.WelfareOrganisation} ({f.Municipality})? This is round {r.Round}. Please decide before {due}."),
                    EmailKind.ReviewReminderSoon => b.Pick($"Een herinnering: uw besluit over \"{title}\" (ronde {r.Round}) graag vóór {due}.", $"A reminder: please decide on \"{title}\" (round {r.Round}) before {due}."),
                    EmailKind.ReviewReminderDue => b.Pick($"Vandaag is de deadline voor uw besluit over \"{title}\" (ronde {r.Round}): {due}.", $"Today is the deadline for your decision on \"{title}\" (round {r.Round}): {due}."),
                    _ => b.Pick($"De deadline voor uw besluit over \"{title}\" (ronde {r.Round}) is voorbij ({due}). De aanvragers wachten op u: wilt u zo snel mogelijk beslissen?", $"The deadline for your decision on \"{title}\" (round {r.Round}) has passed ({due}). The applicants are waiting: please decide as soon as you can."),
                });
                if (r.Kind == EmailKind.ReviewInvitation && f.Summary.Length > 0)
                {
                    b.Paragraph($"Samenvatting: {f.Summary}", $"Summary: {f.Summary}");
                }

                ReviewLinks(r, b);
                return r.Kind switch
                {
                    EmailKind.ReviewInvitation => b.Pick($"Beoordeling gevraagd: {title}", $"Review requested: {title}"),
                    EmailKind.ReviewOverdue => b.Pick($"Beoordeling te laat: {title}", $"Review overdue: {title}"),
                    _ => b.Pick($"Herinnering beoordeling: {title}", $"Review reminder: {title}"),
                };

            case EmailKind.ReviewEscalation:
                b.Paragraph(
                    $"Ronde {r.Round} van \"{title}\" ({r.ApplicationId}) wacht nog op beoordelaars; de deadline was {due}. Herinner, wijs een andere beoordelaar toe of verzet de deadline.",
                    $"Round {r.Round} of \"{title}\" ({r.ApplicationId}) is still waiting for reviewers; the deadline was {due}. Remind, reassign a reviewer or move the deadline.");
                foreach (var name in f.Comments)
                {
                    b.Bullet(name);
                }

                CoordinatorLink(r, b);
                return $"Escalatie / escalation: {title}";

            case EmailKind.ReportEscalation:
                b.Paragraph(
                    $"Verslag {f.ReportNumber} van \"{title}\" ({r.ApplicationId}) is te laat; de deadline was {due}.",
                    $"Report {f.ReportNumber} of \"{title}\" ({r.ApplicationId}) is overdue; it was due {due}.");
                CoordinatorLink(r, b);
                return $"Escalatie verslag / report escalation: {title}";

            case EmailKind.ReportToAssess:
                b.Paragraph(
                    $"Verslag {f.ReportNumber} van \"{title}\" ({r.ApplicationId}) is binnen. Keur het goed of vraag om aanvulling.",
                    $"Report {f.ReportNumber} of \"{title}\" ({r.ApplicationId}) has arrived. Accept it or ask for more.");
                CoordinatorLink(r, b);
                return $"Verslag te beoordelen / report to assess: {title}";

            default:
                throw new ArgumentOutOfRangeException(nameof(r), r.Kind, "No template for this email.");
        }
    }

    static void Comments(Body b, EmailFacts f)
    {
        if (f.Comments.Count == 0)
        {
            return;
        }

        b.Paragraph("Wat de beoordelaars schrijven:", "What the reviewers write:");
        foreach (var comment in f.Comments)
        {
            b.Bullet(comment);
        }
    }

    static void Reason(Body b, EmailFacts f)
    {
        if (f.Reason.Length > 0)
        {
            b.Paragraph($"Reden: {f.Reason}", $"Reason: {f.Reason}");
        }
    }

    /// <summary>Links stay valid a month past the deadline they are about, so a late answer still gets a clear page.</summary>
    TimeSpan LifetimeFor(EmailFacts f) =>
        (f.Deadline is { } d ? d - signer.Now : TimeSpan.Zero) + TimeSpan.FromDays(30);

    void UploadLink(EmailRequest r, Body b, LinkPurpose purpose, string path, string labelNl, string labelEn)
    {
        var round = purpose == LinkPurpose.Report ? r.Facts.ReportNumber : r.Round;
        var token = signer.Sign(purpose, r.ApplicationId, r.To.Key, round, LifetimeFor(r.Facts), r.To.Gen);
        b.Link("Gebruik deze persoonlijke link:", "Use this personal link:", labelNl, labelEn, $"{links.Value.BaseUrl}/{path}/{token}");
    }

    void ReviewLinks(EmailRequest r, Body b)
    {
        var lifetime = LifetimeFor(r.Facts);
        var plan = signer.Sign(LinkPurpose.Plan, r.ApplicationId, r.To.Key, r.Round, lifetime);
        var review = signer.Sign(LinkPurpose.Review, r.ApplicationId, r.To.ReviewerId ?? r.To.Key, r.Round, lifetime);
        b.Link("Lees het plan:", "Read the plan:", "Plan bekijken", "View the plan", $"{links.Value.BaseUrl}/plan/{plan}");
        b.Link(
            "Geef uw besluit (goedkeuren, afwijzen of om aanpassing vragen) op deze pagina. Alleen de knop op die pagina telt.",
            "Give your decision (approve, reject or request changes) on this page. Only the button on that page counts.",
            "Besluit geven", "Give your decision", $"{links.Value.BaseUrl}/review/{review}");
    }

    void CoordinatorLink(EmailRequest r, Body b) =>
        b.Link("Bekijk de aanvraag:", "View the application:", "Naar de aanvraag", "Open the application", $"{links.Value.BaseUrl}/coordinator/applications/{Uri.EscapeDataString(r.ApplicationId)}");

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
        var token = signer.Sign(LinkPurpose.Status, r.ApplicationId, r.To.Key, 0, links.Value.StatusLinkLifetime, r.To.Gen);
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

        public void Paragraph(string text) => blocks.Add(("p", text, null));

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
