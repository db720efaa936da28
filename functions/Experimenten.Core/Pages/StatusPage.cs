using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary><c>GET /status/{token}</c>: the applicant's page behind the link in every email.</summary>
public sealed class StatusPage(ReadModel readModel, LinkSigner signer, Formatting format, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = signer.Check(token, LinkPurpose.Status);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is null)
        {
            var l = Http.Problems.LanguageOf(request);
            return Page(l, Html.T(l, "Link werkt niet", "Link does not work"),
                $"<h1>{Html.T(l, "Deze link werkt niet (meer)", "This link does not work (any more)")}</h1><p>{Html.T(l,
                    "Gebruik de link uit de laatste e-mail over uw aanvraag. Lukt dat niet? Mail het fondsbureau via het adres in die e-mail.",
                    "Use the link in the latest email about your application. If that fails, email the fund office at the address in that email.")}</p>",
                StatusCodes.Status404NotFound);
        }

        // The reader's explicit choice (?lang=) wins over the language the application was made in.
        var lang = Languages.IsSupported(request.Query["lang"]) ? request.Query["lang"].ToString() : Languages.Normalize(view.Language);
        var timeline = await readModel.GetTimelineAsync(view.Id, cancellationToken);
        var body = new StringBuilder()
            .Append("<p class=\"eyebrow\">").Append(Html.T(lang, "Status van uw aanvraag", "Status of your application")).Append("</p>")
            .Append("<h1>").Append(Html.E(view.Title)).Append("</h1>")
            .Append("<dl class=\"facts\">")
            .Append("<dt>").Append(Html.T(lang, "Kenmerk", "Reference")).Append("</dt><dd class=\"reference\">").Append(Html.E(view.Id)).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Waar staat de aanvraag nu?", "Where is the application now?")).Append("</dt><dd class=\"stage\">")
            .Append(Html.E(StageText.For(view.Stage, lang))).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Wie is aan zet?", "Who is it waiting on?")).Append("</dt><dd class=\"waiting-on\">")
            .Append(Html.E(WaitingOn(view, lang))).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Volgende deadline", "Next deadline")).Append("</dt><dd>");
        if (view.NextDeadline is { } deadline)
        {
            body.Append(Countdown.Time(deadline, format.Moment(deadline, lang))).Append("<br>").Append(Countdown.Span(deadline, time.GetUtcNow(), lang));
        }
        else
        {
            body.Append(Html.T(lang, "Er loopt nu geen deadline.", "There is no deadline running now."));
        }

        body.Append("</dd></dl>");
        Actions(body, view, lang);
        body.Append("<h2>").Append(Html.T(lang, "Wat er gebeurde", "What happened")).Append("</h2><ol class=\"timeline\">");
        foreach (var entry in timeline.OrderBy(t => t.At))
        {
            body.Append("<li>").Append(Countdown.Time(entry.At, format.Moment(entry.At, lang))).Append("<span class=\"what\">")
                .Append(Html.E(TimelineText(entry, lang))).Append("</span></li>");
        }

        body.Append("</ol>");
        return Page(lang, Html.T(lang, "Status: ", "Status: ") + view.Title, body.ToString(), StatusCodes.Status200OK);
    }

    /// <summary>
    /// What the applicant can do at this stage. The actions themselves (withdraw, upload a revised plan or a report,
    /// hand over a contact) arrive with the lifecycle work of issue 3: they go in this section, each as a POST form.
    /// </summary>
    static void Actions(StringBuilder body, ApplicationView view, string lang)
    {
        body.Append("<section class=\"actions\" aria-labelledby=\"actions-title\"><h2 id=\"actions-title\">")
            .Append(Html.T(lang, "Wat kunt u doen?", "What can you do?")).Append("</h2><p>")
            .Append(view.WaitingOn == "applicant"
                ? Html.T(lang, "Wij wachten op u. In de laatste e-mail staat wat we nodig hebben.", "We are waiting for you. The latest email says what we need.")
                : view.Stage.IsFinal()
                    ? Html.T(lang, "De aanvraag is afgerond. U hoeft niets meer te doen.", "The application is finished. There is nothing more to do.")
                    : Html.T(lang, "U hoeft nu niets te doen. U krijgt een e-mail als er iets verandert.", "You do not need to do anything now. You will get an email when something changes."))
            .Append("</p></section>");
    }

    static string WaitingOn(ApplicationView view, string lang) => view.WaitingOn switch
    {
        "fund" => Html.T(lang, "Het fonds: wij controleren de aanvraag.", "The fund: we are checking the application."),
        "reviewers" => Html.T(lang, "De beoordelaars: zij lezen het plan.", "The reviewers: they are reading the plan."),
        "applicant" => Html.T(lang, "U: de aanvragers.", "You: the applicants."),
        _ when view.Stage.IsFinal() => Html.T(lang, "Niemand: de aanvraag is afgerond.", "Nobody: the application is finished."),
        _ => Html.T(lang, "Niemand op dit moment.", "Nobody at the moment."),
    };

    /// <summary>Stage entries in the reader's language; anything else as it was written.</summary>
    static string TimelineText(TimelineEntry entry, string lang) =>
        lang == Languages.English && Enum.TryParse<Stage>(entry.Kind, out var stage) ? StageText.For(stage, lang) : entry.Text;

    static IResult Page(string lang, string title, string body, int status) =>
        Html.Page(new PageOptions(lang, title, body)
        {
            Status = status,
            CarriesToken = true,
            SwitchLanguageHref = lang == Languages.English ? "?lang=nl" : "?lang=en",
            Scripts = ["countdown.js"],
        });
}
