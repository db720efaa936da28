using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Pages;

/// <summary>
/// <c>GET /status/{token}</c>: the applicant's page behind the link in every email, with the actions the stage allows.
/// Its forms post to <c>/status/{token}/withdraw</c> and <c>/status/{token}/contact</c>, which hand over to
/// <see cref="ApplicantActions"/> (the same status token) and answer 303 back to this page.
/// </summary>
public sealed class StatusPage(ReadModel readModel, ReportStore reports, LinkSigner signer, Formatting format, ApplicantActions actions, TimeProvider time)
{
    /// <summary>Upload links minted here live long enough to use; the upload page itself checks the stage again.</summary>
    static readonly TimeSpan UploadLinkLifetime = TimeSpan.FromDays(30);

    public Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var done = request.Query["done"].ToString();
        return RenderAsync(request, token, Outcome(done), cancellationToken);
    }

    /// <summary>Step 1 shows a confirmation with the reason; step 2 (<c>confirm=yes</c>) withdraws and goes back to the status page.</summary>
    public async Task<IResult> WithdrawAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (refused, view, form, lang) = await PrepareAsync(request, token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var reason = form!["reason"].ToString().Trim();
        if (form["confirm"] != "yes")
        {
            return Confirm(request, token, view!, lang, reason);
        }

        var outcome = ApiOutcome.From(await actions.WithdrawAsync(WithToken(request, token), view!.Id, durable, cancellationToken));
        return outcome.Accepted
            ? new SeeOtherResult(StatusHref(token, request, "withdraw"))
            : await RenderAsync(request, token, new State(outcome.Title, outcome.Detail, true, "withdraw", outcome, form, outcome.Status), cancellationToken);
    }

    public async Task<IResult> ChangeContactAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (refused, view, form, lang) = await PrepareAsync(request, token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = ApiOutcome.From(await actions.ChangeContactAsync(WithToken(request, token), view!.Id, durable, cancellationToken));
        return outcome.Accepted
            ? HandedOver(lang, view)
            : await RenderAsync(request, token, new State(outcome.Title, outcome.Detail, true, "contact", outcome, form, outcome.Status), cancellationToken);
    }

    /// <summary>
    /// The answer to a hand-over, shown at once: the link that made it no longer opens the status page, so
    /// there is nothing to redirect back to.
    /// </summary>
    static IResult HandedOver(string lang, ApplicationView view) => Html.Page(new PageOptions(lang, Html.T(lang, "Contactpersoon overgedragen", "Contact handed over"),
        $"<p class=\"eyebrow\">{Html.E(view.Title)}</p><h1>{Html.T(lang, "De contactpersoon is overgedragen", "The contact has been handed over")}</h1>"
        + Forms.Notice(
            Html.T(lang, "Dank u wel", "Thank you"),
            Html.T(lang,
                "Vanaf nu gaan alle e-mails naar de nieuwe persoon. Die krijgt een eigen link. Uw links werken vanaf nu niet meer. U krijgt hierover nog een e-mail.",
                "From now on all email goes to the new person, who gets their own link. Your links no longer work. You will get an email about this."),
            false))
    {
        CarriesToken = true,
    });

    /// <summary>The checks every post shares: a genuine link, a form, and the form's CSRF token.</summary>
    async Task<(IResult? Refused, ApplicationView? View, IFormCollection? Form, string Lang)> PrepareAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (view, lang) = await LoadAsync(request, token, cancellationToken);
        if (view is null)
        {
            return (NotFound(lang), null, null, lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            return (await RenderAsync(request, token, new State(
                Html.T(lang, "Het formulier is verlopen", "The form has expired"),
                Html.T(lang, "Er is niets veranderd. Probeer het nog een keer.", "Nothing has changed. Please try again."),
                true, null, null, null, StatusCodes.Status403Forbidden), cancellationToken), view, form, lang);
        }

        return (null, view, form, lang);
    }

    async Task<(ApplicationView? View, string Lang)> LoadAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var check = signer.Check(token, LinkPurpose.Status);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is not null && !ApplicantLinks.IsCurrent(check.Claims!, view))
        {
            // Handed over: the previous contact's link shows nothing any more.
            view = null;
        }

        // The reader's explicit choice (?lang=) wins over the language the application was made in.
        var lang = Languages.IsSupported(request.Query["lang"]) ? request.Query["lang"].ToString()
            : view is null ? Problems.LanguageOf(request) : Languages.Normalize(view.Language);
        return (view, lang);
    }

    async Task<IResult> RenderAsync(HttpRequest request, string token, State? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (view, lang) = await LoadAsync(request, token, cancellationToken);
        if (view is null)
        {
            return NotFound(lang);
        }

        var timeline = await readModel.GetTimelineAsync(view.Id, cancellationToken);
        var csrf = Csrf.TokenFor(request);
        var body = new StringBuilder()
            .Append("<p class=\"eyebrow\">").Append(Html.T(lang, "Status van uw aanvraag", "Status of your application")).Append("</p>")
            .Append("<h1>").Append(Html.E(view.Title)).Append("</h1>");
        if (state is { Done: { } done })
        {
            body.Append(Forms.Notice(DoneTitle(done, view, lang), DoneText(done, view, lang), false));
        }
        else if (state is not null)
        {
            body.Append(Forms.Notice(state.NoticeTitle, state.NoticeText, state.Error));
        }

        body.Append("<dl class=\"facts\">")
            .Append("<dt>").Append(Html.T(lang, "Kenmerk", "Reference")).Append("</dt><dd class=\"reference\">").Append(Html.E(view.Id)).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Waar staat de aanvraag nu?", "Where is the application now?")).Append("</dt><dd class=\"stage\">")
            .Append(Html.E(StageText.For(view.Stage, lang))).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Wie is aan zet?", "Who is it waiting on?")).Append("</dt><dd class=\"waiting-on\">")
            .Append(Html.E(WaitingOn(view, lang))).Append("</dd>")
            .Append("<dt>").Append(Html.T(lang, "Volgende deadline", "Next deadline")).Append("</dt><dd class=\"deadline\">");
        if (view.NextDeadline is { } deadline && !view.Stage.IsFinal())
        {
            body.Append(Countdown.Time(deadline, format.Moment(deadline, lang))).Append("<br>").Append(Countdown.Span(deadline, time.GetUtcNow(), lang));
        }
        else
        {
            body.Append(Html.T(lang, "Er loopt nu geen deadline.", "There is no deadline running now."));
        }

        body.Append("</dd></dl>");
        var claims = signer.Check(token, LinkPurpose.Status).Claims!;
        await ActionsAsync(body, view, claims, token, lang, csrf, state, cancellationToken);
        body.Append("<h2>").Append(Html.T(lang, "Wat er gebeurde", "What happened")).Append("</h2><ol class=\"timeline\">");
        foreach (var entry in timeline.OrderBy(t => t.At))
        {
            body.Append("<li>").Append(Countdown.Time(entry.At, format.Moment(entry.At, lang))).Append("<span class=\"what\">")
                .Append(Html.E(ApplicantTimeline.Text(entry, lang))).Append("</span></li>");
        }

        body.Append("</ol>");
        var title = (state is { Error: true } ? Html.T(lang, "Fout: ", "Error: ") : "") + Html.T(lang, "Status: ", "Status: ") + view.Title;
        return Page(lang, title, body.ToString(), state?.Status ?? StatusCodes.Status200OK, token, csrf);
    }

    /// <summary>What the applicant can do at this stage: upload what is asked for, hand a contact over, withdraw.</summary>
    async Task ActionsAsync(StringBuilder body, ApplicationView view, LinkToken claims, string token, string lang, string csrf, State? state, CancellationToken cancellationToken)
    {
        body.Append("<section class=\"actions\" aria-labelledby=\"actions-title\"><h2 id=\"actions-title\">")
            .Append(Html.T(lang, "Wat kunt u doen?", "What can you do?")).Append("</h2><p>")
            .Append(view.WaitingOn == Domain.WaitingOn.Applicant && !view.Stage.IsFinal()
                ? Html.T(lang, "Wij wachten op u. Hieronder staat wat we nodig hebben.", "We are waiting for you. Below is what we need.")
                : view.Stage.IsFinal()
                    ? Html.T(lang, "De aanvraag is afgerond. U hoeft niets meer te doen.", "The application is finished. There is nothing more to do.")
                    : Html.T(lang, "U hoeft nu niets te doen. U krijgt een e-mail als er iets verandert.", "You do not need to do anything now. You will get an email when something changes."))
            .Append("</p>");
        var role = ApplicantLinks.RoleOf(claims);
        if (view.Stage.IsFinal() || role is null)
        {
            if (role is null && !view.Stage.IsFinal())
            {
                body.Append("<p class=\"view-only\">").Append(Html.T(lang,
                    "Deze pagina is om te kijken. Wilt u iets doen, zoals een plan of verslag sturen, een contactpersoon overdragen of de aanvraag intrekken? Gebruik dan de persoonlijke link uit de e-mail aan uw contactpersoon.",
                    "This page is for viewing. To do something, such as sending a plan or report, handing over a contact or withdrawing, use the personal link in the email to your contact.")).Append("</p>");
            }

            body.Append("</section>");
            return;
        }

        var subject = claims.Subject;
        var q = lang == Languages.English ? "?lang=en" : "";
        if (view.Stage == Stage.ChangesRequested)
        {
            var revision = signer.Sign(LinkPurpose.Revision, view.Id, subject, view.Round, UploadLinkLifetime, claims.Gen);
            body.Append("<p>").Append(Html.T(lang, "De beoordelaars vragen om een aangepast plan. Lees hun opmerkingen in de e-mail.", "The reviewers ask for a revised plan. Read their comments in the email."))
                .Append("</p><p><a class=\"button\" href=\"/revision/").Append(Html.E(revision)).Append(q).Append("\">")
                .Append(Html.T(lang, "Aangepast plan sturen", "Send the revised plan")).Append("</a></p>");
        }
        else if (view.Stage == Stage.Monitoring && view.WaitingOn == Domain.WaitingOn.Applicant
            && (await reports.ListAsync(view.Id, cancellationToken)).Where(r => r.Status is ReportStatus.Due or ReportStatus.ChangesRequested).OrderBy(r => r.Number).FirstOrDefault() is { } due)
        {
            var report = signer.Sign(LinkPurpose.Report, view.Id, subject, due.Number, UploadLinkLifetime, claims.Gen);
            body.Append("<p>").Append(Html.E(due.Final
                    ? Html.T(lang, $"Wij vragen het eindverslag (verslag {due.Number}): wat heeft u geleerd over samenwerken?", $"We ask for the final report (report {due.Number}): what did you learn about working together?")
                    : Html.T(lang, $"Wij vragen verslag {due.Number}: kort, over wat u leerde over samenwerken.", $"We ask for report {due.Number}: short, about what you learned about working together.")))
                .Append("</p><p><a class=\"button\" href=\"/report/").Append(Html.E(report)).Append(q).Append("\">")
                .Append(Html.E(Html.T(lang, $"Verslag {due.Number} sturen", $"Send report {due.Number}"))).Append("</a></p>");
        }

        ContactForm(body, view, role.Value, token, lang, csrf, state?.Form == "contact" ? state : null);
        if (role == ContactRole.Resident)
        {
            WithdrawForm(body, token, lang, csrf, state?.Form == "withdraw" ? state : null);
        }
        else
        {
            body.Append("<h3>").Append(Html.T(lang, "De aanvraag intrekken", "Withdraw the application")).Append("</h3><p>")
                .Append(Html.T(lang,
                    "Het initiatief is van de bewoners. Daarom kan alleen hun contactpersoon de aanvraag intrekken. Wilt u stoppen? Overleg met de bewoners, of mail het fondsbureau.",
                    "The initiative belongs to the residents, so only their contact can withdraw the application. Want to stop? Talk to the residents, or email the fund office.")).Append("</p>");
        }
        body.Append("</section>");
    }

    /// <summary>A contact hands over their own place only; the role is the link's, not a choice on the page.</summary>
    static void ContactForm(StringBuilder body, ApplicationView view, ContactRole role, string token, string lang, string csrf, State? state)
    {
        var value = role == ContactRole.Resident ? "resident" : "welfare";
        var current = view.ContactFor(role);
        body.Append("<h3 id=\"contact-title\">").Append(Html.T(lang, "Uw plaats als contactpersoon overdragen", "Hand over your place as a contact")).Append("</h3><p>")
            .Append(Html.E(Html.T(lang,
                $"U bent de contactpersoon van {(role == ContactRole.Resident ? "de bewoners" : "de welzijnsorganisatie")} ({current.Name}). Krijgt u een andere baan, of neemt iemand anders het over? Vul de nieuwe persoon in. Alle e-mails gaan dan naar die persoon. Uw eigen links werken daarna niet meer; u krijgt daarover een e-mail.",
                $"You are the {(role == ContactRole.Resident ? "residents'" : "welfare organisation's")} contact ({current.Name}). Changing jobs, or is someone else taking over? Fill in the new person. All email then goes to them. Your own links stop working after that; you get an email about it.")))
            .Append("</p><p>").Append(Html.T(lang,
                "De andere contactpersoon kunt u hier niet vervangen. Die doet dat zelf, of vraagt het fondsbureau.",
                "You cannot replace the other contact here. They do that themselves, or ask the fund office."))
            .Append("</p><form method=\"post\" action=\"/status/").Append(Html.E(token)).Append("/contact").Append(LangQuery(lang)).Append("\" aria-labelledby=\"contact-title\" novalidate>")
            .Append(Forms.CsrfField(csrf))
            .Append("<input type=\"hidden\" name=\"role\" value=\"").Append(value).Append("\">");
        Forms.Field(body, "contact-name", "name", Html.T(lang, "Naam van de nieuwe contactpersoon", "New contact's name"), "text", state?.Values?["name"], state?.Outcome?.ErrorsFor("name"), lang, max: 200);
        Forms.Field(body, "contact-email", "email", Html.T(lang, "E-mailadres van de nieuwe contactpersoon", "New contact's email address"), "email", state?.Values?["email"], state?.Outcome?.ErrorsFor("email"), lang, max: 254);
        body.Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Contactpersoon overdragen", "Hand over the contact")).Append("</button></form>");
    }

    static void WithdrawForm(StringBuilder body, string token, string lang, string csrf, State? state)
    {
        body.Append("<h3 id=\"withdraw-title\">").Append(Html.T(lang, "De aanvraag intrekken", "Withdraw the application")).Append("</h3><p>")
            .Append(Html.T(lang, "Wilt u niet meer verder? Dan kunt u de aanvraag intrekken. Dat kan niet ongedaan worden gemaakt. U krijgt eerst nog een vraag of u het zeker weet.",
                "Do you not want to go on? Then you can withdraw the application. This cannot be undone. You will be asked to confirm first."))
            .Append("</p><form method=\"post\" action=\"/status/").Append(Html.E(token)).Append("/withdraw").Append(LangQuery(lang)).Append("\" aria-labelledby=\"withdraw-title\" novalidate>")
            .Append(Forms.CsrfField(csrf));
        Forms.Field(body, "withdraw-reason", "reason", Html.T(lang, "Waarom trekt u de aanvraag in? (niet verplicht)", "Why are you withdrawing? (optional)"), "textarea",
            state?.Values?["reason"], state?.Outcome?.ErrorsFor("reason"), lang, Html.T(lang, "Dit helpt het fonds. Hoogstens 1000 tekens.", "This helps the fund. At most 1000 characters."), required: false, max: 1000);
        body.Append("<button type=\"submit\" class=\"secondary\">").Append(Html.T(lang, "Aanvraag intrekken", "Withdraw application")).Append("</button></form>");
    }

    static IResult Confirm(HttpRequest request, string token, ApplicationView view, string lang, string reason)
    {
        var csrf = Csrf.TokenFor(request);
        var body = new StringBuilder()
            .Append("<p class=\"eyebrow\">").Append(Html.E(view.Title)).Append("</p>")
            .Append("<h1>").Append(Html.T(lang, "Weet u zeker dat u de aanvraag wilt intrekken?", "Are you sure you want to withdraw the application?")).Append("</h1><p>")
            .Append(Html.T(lang, "Na het intrekken stopt de aanvraag. Beide contactpersonen krijgen een e-mail. U kunt dit niet terugdraaien.",
                "After withdrawing, the application stops. Both contacts get an email. You cannot undo this."))
            .Append("</p>");
        if (reason.Length > 0)
        {
            body.Append("<p>").Append(Html.T(lang, "Uw reden:", "Your reason:")).Append("</p><blockquote>").Append(Html.E(reason)).Append("</blockquote>");
        }

        body.Append("<form method=\"post\" action=\"/status/").Append(Html.E(token)).Append("/withdraw").Append(LangQuery(lang)).Append("\">")
            .Append(Forms.CsrfField(csrf))
            .Append("<input type=\"hidden\" name=\"reason\" value=\"").Append(Html.E(reason)).Append("\"><input type=\"hidden\" name=\"confirm\" value=\"yes\">")
            .Append("<div class=\"buttons\"><button type=\"submit\" class=\"primary danger\">").Append(Html.T(lang, "Ja, aanvraag intrekken", "Yes, withdraw the application")).Append("</button>")
            .Append("<a class=\"button secondary\" href=\"").Append(Html.E(StatusHref(token, request, null))).Append("\">").Append(Html.T(lang, "Nee, terug", "No, go back")).Append("</a></div></form>");
        return Page(lang, Html.T(lang, "Aanvraag intrekken?", "Withdraw the application?"), body.ToString(), StatusCodes.Status200OK, token, csrf);
    }

    /// <summary>ApplicantActions reads the status token from the query, as the API's callers send it.</summary>
    static HttpRequest WithToken(HttpRequest request, string token)
    {
        var lang = request.Query["lang"].ToString();
        request.QueryString = QueryString.Create("token", token) + (Languages.IsSupported(lang) ? QueryString.Create("lang", lang) : QueryString.Empty);
        return request;
    }

    static string StatusHref(string token, HttpRequest request, string? done)
    {
        var lang = request.Query["lang"].ToString();
        var query = QueryString.Empty;
        if (Languages.IsSupported(lang))
        {
            query += QueryString.Create("lang", lang);
        }

        if (done is not null)
        {
            query += QueryString.Create("done", done);
        }

        return "/status/" + Uri.EscapeDataString(token) + query;
    }

    static string LangQuery(string lang) => lang == Languages.English ? "?lang=en" : "";

    /// <summary>The message after a redirect; only known codes, never text from the URL.</summary>
    static State? Outcome(string done) => done switch
    {
        "withdraw" => new State(null, null, false, null, null, null, StatusCodes.Status200OK) { Done = done },
        "contact" => new State(null, null, false, null, null, null, StatusCodes.Status200OK) { Done = done },
        _ => null,
    };

    static string DoneTitle(string done, ApplicationView view, string lang) => done == "withdraw"
        ? view.Stage == Stage.Withdrawn ? Html.T(lang, "De aanvraag is ingetrokken", "The application has been withdrawn") : Html.T(lang, "We trekken de aanvraag in", "We are withdrawing the application")
        : Html.T(lang, "De contactpersoon is overgedragen", "The contact has been handed over");

    static string DoneText(string done, ApplicationView view, string lang) => done == "withdraw"
        ? view.Stage == Stage.Withdrawn
            ? Html.T(lang, "Beide contactpersonen krijgen hierover een e-mail.", "Both contacts get an email about it.")
            : Html.T(lang, "Dat duurt een paar seconden. Laad deze pagina daarna opnieuw. Beide contactpersonen krijgen een e-mail.", "This takes a few seconds. Then load this page again. Both contacts get an email.")
        : Html.T(lang, "Vanaf nu gaan alle e-mails naar de nieuwe persoon. De vorige contactpersoon krijgt een bericht.", "From now on all email goes to the new person. The previous contact is told.");

    static string WaitingOn(ApplicationView view, string lang) => view.WaitingOn switch
    {
        _ when view.Stage.IsFinal() => Html.T(lang, "Niemand: de aanvraag is afgerond.", "Nobody: the application is finished."),
        Domain.WaitingOn.Fund => Html.T(lang, "Het fonds: wij controleren de aanvraag.", "The fund: we are checking the application."),
        Domain.WaitingOn.Reviewers => Html.T(lang, "De beoordelaars: zij lezen het plan.", "The reviewers: they are reading the plan."),
        Domain.WaitingOn.Applicant => Html.T(lang, "U: de aanvragers.", "You: the applicants."),
        _ => Html.T(lang, "Niemand op dit moment.", "Nobody at the moment."),
    };

    static IResult NotFound(string l) => Html.Page(new PageOptions(l, Html.T(l, "Link werkt niet", "Link does not work"),
        $"<h1>{Html.T(l, "Deze link werkt niet (meer)", "This link does not work (any more)")}</h1><p>{Html.T(l,
            "Gebruik de link uit de laatste e-mail over uw aanvraag. Lukt dat niet? Mail het fondsbureau via het adres in die e-mail.",
            "Use the link in the latest email about your application. If that fails, email the fund office at the address in that email.")}</p>")
    {
        Status = StatusCodes.Status404NotFound,
        CarriesToken = true,
        SwitchLanguageHref = l == Languages.English ? "?lang=nl" : "?lang=en",
    });

    static IResult Page(string lang, string title, string body, int status, string token, string csrf) =>
        Html.Page(new PageOptions(lang, title, body)
        {
            Status = status,
            CarriesToken = true,
            SwitchLanguageHref = "/status/" + Uri.EscapeDataString(token) + (lang == Languages.English ? "?lang=nl" : "?lang=en"),
            Scripts = ["countdown.js"],
            Prepare = context => Csrf.SetCookie(context, csrf),
        });

    /// <summary>What to show above the page: an outcome or a refusal, and which form it belongs to with what was typed.</summary>
    sealed record State(string? NoticeTitle, string? NoticeText, bool Error, string? Form, ApiOutcome? Outcome, IFormCollection? Values, int Status)
    {
        public string? Done { get; init; }
    }
}
