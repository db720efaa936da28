using System.Globalization;
using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Pages;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Experimenten.Review;

/// <summary>
/// <c>GET /review/{token}</c> shows the application and the three choices; only <c>POST</c> from that
/// page records a decision (mail scanners follow GET links). A second attempt shows the first decision.
/// </summary>
public sealed class ReviewerPages(ReadModel readModel, ReviewStore reviews, LinkSigner signer, IOptions<EmailOptions> email, Formatting format, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (page, state) = await LoadAsync(request, token, cancellationToken);
        return page ?? Page(state!.Lang, state.View.Title, Form(state, token, null), StatusCodes.Status200OK);
    }

    public async Task<IResult> PostAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (page, state) = await LoadAsync(request, token, cancellationToken);
        if (page is not null)
        {
            return page;
        }

        var lang = state!.Lang;
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var comment = form["comment"].ToString().Trim();
        if (!Enum.TryParse<Decision>(form["decision"].ToString(), ignoreCase: true, out var decision) || !Enum.IsDefined(decision))
        {
            return Page(lang, T(lang, "Fout: ", "Error: ") + state.View.Title, Form(state, token, T(lang, "Kies goedkeuren, afwijzen of aanpassing vragen.", "Choose approve, reject or request changes."), "decision", null, comment), StatusCodes.Status400BadRequest);
        }

        if (decision != Decision.Approve && comment.Length == 0)
        {
            return Page(lang, T(lang, "Fout: ", "Error: ") + state.View.Title, Form(state, token, T(lang, "Schrijf kort waarom: de aanvragers lezen dit.", "Please say briefly why: the applicants will read this."), "comment", form["decision"].ToString(), comment), StatusCodes.Status400BadRequest);
        }

        if (comment.Length > 4000)
        {
            return Page(lang, T(lang, "Fout: ", "Error: ") + state.View.Title, Form(state, token, T(lang, "De toelichting mag hoogstens 4000 tekens zijn.", "The comment may be at most 4000 characters."), "comment", form["decision"].ToString(), comment), StatusCodes.Status400BadRequest);
        }

        var now = time.GetUtcNow();
        var (recorded, row) = await reviews.DecideAsync(state.View.Id, state.Round, state.ReviewerId, decision, comment, now, cancellationToken);
        if (!recorded)
        {
            return AlreadyDecided(lang, state.View, row);
        }

        await durable.RaiseEventAsync(Events.RoundInstance(state.View.Id, state.Round), Events.ReviewDecision,
            new ReviewDecisionReceived(state.ReviewerId, decision, comment, now), cancellationToken);
        return Page(lang, T(lang, "Besluit ontvangen", "Decision received"),
            $"<h1>{T(lang, "Dank u wel, uw besluit is ontvangen", "Thank you, your decision has arrived")}</h1>"
            + $"<div class=\"notice\" role=\"status\"><p class=\"notice-title\">{E(T(lang, $"U koos: {DecisionText.For(decision, lang)}", $"You chose: {DecisionText.For(decision, lang)}"))}</p><p>{E(T(lang, $"Voor \"{state.View.Title}\", ronde {state.Round}, op {format.Moment(now, lang)}.", $"For \"{state.View.Title}\", round {state.Round}, on {format.Moment(now, lang)}."))}</p></div>"
            + $"<h2>{T(lang, "Wat gebeurt er nu?", "What happens next?")}</h2><p>{T(lang, "Als genoeg beoordelaars hebben besloten, krijgen de aanvragers bericht. U hoeft niets meer te doen. Wilt u iets veranderen? Mail het fondsbureau.", "Once enough reviewers have decided, the applicants are told. You need not do anything else. Want to change something? Email the fund office.")}</p>{Contact(lang)}",
            StatusCodes.Status200OK);
    }

    const string ReviewerPrefix = "reviewer:";

    /// <summary><c>GET /plan/{token}</c>: the current plan, as the uploaded file or the typed text.</summary>
    public async Task<IResult> PlanAsync(HttpRequest request, string token, PlanStore plans, CancellationToken cancellationToken)
    {
        var lang = Http.Problems.LanguageOf(request);
        var check = signer.Check(token, LinkPurpose.Plan);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is null)
        {
            return LinkProblem(lang, check.Result);
        }

        // A reviewer who was replaced in the round (or never sat in it) no longer reads the plan.
        var reviewer = check.Claims!.Subject.StartsWith(ReviewerPrefix, StringComparison.Ordinal) ? check.Claims.Subject[ReviewerPrefix.Length..] : check.Claims.Subject;
        if (await reviews.GetAsync(view.Id, check.Claims.Round, reviewer, cancellationToken) is not { Reassigned: false })
        {
            return LinkProblem(lang, LinkCheckResult.Invalid);
        }

        if (view.Plan.Blob is { } blob)
        {
            var (stream, type, name) = await plans.OpenAsync(blob, cancellationToken);
            return new DownloadResult(stream, type, name);
        }

        return Html.Page(lang, view.Title, $"<h1>{E(view.Title)}</h1><h2>{T(lang, "Plan", "Plan")} (v{view.Plan.Version})</h2><div class=\"plan\">{E(view.Plan.Text).Replace("\n", "<br>", StringComparison.Ordinal)}</div>", carriesToken: true);
    }

    async Task<(IResult? Page, State? State)> LoadAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var lang = Http.Problems.LanguageOf(request);
        var check = signer.Check(token, LinkPurpose.Review);
        if (check.Result != LinkCheckResult.Valid)
        {
            return (LinkProblem(lang, check.Result), null);
        }

        var claims = check.Claims!;
        var view = await readModel.GetAsync(claims.ApplicationId, cancellationToken);
        var row = view is null ? null : await reviews.GetAsync(view.Id, claims.Round, claims.Subject, cancellationToken);
        if (view is null || row is null)
        {
            return (LinkProblem(lang, LinkCheckResult.Invalid), null);
        }

        if (row.Decision is not null)
        {
            return (AlreadyDecided(lang, view, row), null);
        }

        if (row.Reassigned)
        {
            return (Closed(lang, view, T(lang, "Het fondsbureau heeft deze beoordeling aan iemand anders gegeven. U hoeft niets meer te doen.", "The fund office has given this review to someone else. You need not do anything.")), null);
        }

        if (view.Stage != Stage.InReview || view.Round != claims.Round || await reviews.ClosedRoundAsync(view.Id, claims.Round, cancellationToken) is not null)
        {
            return (Closed(lang, view, T(lang, $"Beoordelingsronde {claims.Round} is gesloten; een besluit telt nu niet meer mee.", $"Review round {claims.Round} is closed; a decision no longer counts.")), null);
        }

        return (null, new State(lang, view, claims.Round, claims.Subject, row) { LangQuery = Languages.IsSupported(request.Query["lang"]) ? "?lang=" + lang : "" });
    }

    string Form(State s, string token, string? error, string? errorField = null, string? decided = null, string? comment = null)
    {
        var lang = s.Lang;
        var v = s.View;
        var plan = signer.Sign(LinkPurpose.Plan, v.Id, "reviewer:" + s.ReviewerId, s.Round, TimeSpan.FromDays(30));
        var html = new StringBuilder()
            .Append("<p class=\"eyebrow\">").Append(E(T(lang, $"Beoordeling · ronde {s.Round}", $"Review · round {s.Round}"))).Append("</p>")
            .Append("<h1>").Append(E(v.Title)).Append("</h1>");
        if (error is not null)
        {
            html.Append("<div class=\"notice notice-error\" role=\"alert\"><p class=\"notice-title\">").Append(T(lang, "Uw besluit is nog niet verstuurd", "Your decision has not been sent yet"))
                .Append("</p><p><a href=\"#").Append(errorField == "comment" ? "comment" : "decision-approve").Append("\">").Append(E(error)).Append("</a></p></div>");
        }

        html.Append("<dl class=\"facts\">")
            .Append("<dt>").Append(T(lang, "Initiatief", "Initiative")).Append("</dt><dd>").Append(E(v.InitiativeName)).Append("</dd>")
            .Append("<dt>").Append(T(lang, "Welzijnsorganisatie", "Welfare organisation")).Append("</dt><dd>").Append(E(v.WelfareOrganisation)).Append("</dd>")
            .Append("<dt>").Append(T(lang, "Gemeente", "Municipality")).Append("</dt><dd>").Append(E(v.Municipality)).Append("</dd>")
            .Append("<dt>").Append(T(lang, "Gevraagd bedrag", "Amount requested")).Append("</dt><dd>").Append(E(Formatting.Euros(v.BudgetRequested, lang))).Append("</dd>")
            .Append("<dt>").Append(T(lang, "Uw deadline", "Your deadline")).Append("</dt><dd>");
        if (v.NextDeadline is { } deadline)
        {
            html.Append(Countdown.Time(deadline, format.Moment(deadline, lang))).Append("<br>").Append(Countdown.Span(deadline, time.GetUtcNow(), lang));
        }
        else
        {
            html.Append('-');
        }

        html.Append("</dd></dl>")
            .Append("<h2>").Append(T(lang, "Samenvatting", "Summary")).Append("</h2><p>").Append(E(v.Summary)).Append("</p>")
            .Append("<p><a href=\"/plan/").Append(E(plan)).Append("\">").Append(T(lang, $"Plan bekijken (versie {v.Plan.Version})", $"View the plan (version {v.Plan.Version})")).Append("</a></p>");

        var decisionError = errorField == "decision" ? error : null;
        var commentError = errorField == "comment" ? error : null;
        html.Append("<h2 id=\"decide-title\">").Append(T(lang, "Uw besluit", "Your decision")).Append("</h2>")
            .Append("<form method=\"post\" action=\"/review/").Append(E(token)).Append(s.LangQuery).Append("\" aria-labelledby=\"decide-title\" novalidate><fieldset")
            .Append(decisionError is null ? "" : " class=\"has-error\" aria-describedby=\"decision-error\"").Append("><legend>")
            .Append(T(lang, "Wat besluit u?", "What do you decide?")).Append("</legend>");
        if (decisionError is not null)
        {
            html.Append("<p class=\"field-error\" id=\"decision-error\"><span class=\"visually-hidden\">").Append(T(lang, "Fout: ", "Error: ")).Append("</span>").Append(E(decisionError)).Append("</p>");
        }

        foreach (var d in Enum.GetValues<Decision>())
        {
            var value = d.ToString().ToLowerInvariant();
            html.Append("<div class=\"choice\"><input type=\"radio\" name=\"decision\" id=\"decision-").Append(value).Append("\" value=\"").Append(value).Append('"')
                .Append(value == decided ? " checked" : "").Append(" required><label for=\"decision-").Append(value).Append("\">").Append(E(DecisionText.For(d, lang))).Append("</label></div>");
        }

        html.Append("</fieldset><div class=\"field").Append(commentError is null ? "" : " has-error").Append("\"><label for=\"comment\">")
            .Append(T(lang, "Toelichting", "Comment")).Append("</label><p class=\"hint\" id=\"comment-hint\">")
            .Append(T(lang, "Nodig bij afwijzen of aanpassing vragen. De aanvragers lezen dit, dus schrijf in gewone taal.", "Needed to reject or request changes. The applicants read this, so write plainly.")).Append("</p>");
        if (commentError is not null)
        {
            html.Append("<p class=\"field-error\" id=\"comment-error\"><span class=\"visually-hidden\">").Append(T(lang, "Fout: ", "Error: ")).Append("</span>").Append(E(commentError)).Append("</p>");
        }

        html.Append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"4000\" aria-describedby=\"comment-hint").Append(commentError is null ? "\"" : " comment-error\" aria-invalid=\"true\"").Append('>')
            .Append(E(comment)).Append("</textarea></div>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(T(lang, "Besluit versturen", "Send decision")).Append("</button></form>");
        return html.ToString();
    }

    IResult AlreadyDecided(string lang, ApplicationView view, ReviewRow row) => Page(lang, T(lang, "Al besloten", "Already decided"),
        $"<h1>{T(lang, "Hierover is al besloten", "This has already been decided")}</h1><p>{E(T(lang,
            $"{row.Name} koos \"{DecisionText.For(row.Decision!.Value, lang)}\" voor \"{view.Title}\" (ronde {row.Round}) op {format.Moment(row.DecidedAt ?? default, lang)}.",
            $"{row.Name} chose \"{DecisionText.For(row.Decision!.Value, lang)}\" for \"{view.Title}\" (round {row.Round}) on {format.Moment(row.DecidedAt ?? default, lang)}."))}</p>",
        StatusCodes.Status409Conflict);

    IResult Closed(string lang, ApplicationView view, string text) => Page(lang, view.Title,
        $"<h1>{E(view.Title)}</h1><p>{E(text)}</p>{Contact(lang)}", StatusCodes.Status409Conflict);

    IResult LinkProblem(string lang, LinkCheckResult result) => Page(lang, T(lang, "Link werkt niet", "Link does not work"),
        result == LinkCheckResult.Expired
            ? $"<h1>{T(lang, "Deze link is verlopen", "This link has expired")}</h1>{Contact(lang)}"
            : $"<h1>{T(lang, "Deze link is niet geldig", "This link is not valid")}</h1><p>{T(lang, "Gebruik de link uit de laatste e-mail.", "Use the link in the latest email.")}</p>{Contact(lang)}",
        result == LinkCheckResult.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);

    string Contact(string lang) =>
        $"<p>{T(lang, "Vragen? Mail het fondsbureau:", "Questions? Email the fund office:")} <a href=\"mailto:{E(email.Value.CoordinatorAddress)}\">{E(email.Value.CoordinatorAddress)}</a></p>";

    static string T(string lang, string nl, string en) => Html.T(lang, nl, en);

    /// <summary>Every reviewer page: carries the token (no referrer, no caching), offers the other language, keeps countdowns live.</summary>
    static IResult Page(string lang, string title, string body, int status) => Html.Page(new PageOptions(lang, title, body)
    {
        Status = status,
        CarriesToken = true,
        SwitchLanguageHref = lang == Languages.English ? "?lang=nl" : "?lang=en",
        Scripts = ["countdown.js"],
    });

    static string E(string? value) => Html.E(value);

    sealed record State(string Lang, ApplicationView View, int Round, string ReviewerId, ReviewRow Row)
    {
        /// <summary>The reader's explicit language choice, carried on the form's action.</summary>
        public string LangQuery { get; init; } = "";
    }

    /// <summary>A plan file as an attachment: never rendered inline, never sniffed by the browser.</summary>
    sealed class DownloadResult(Stream stream, string contentType, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            httpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
            httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            httpContext.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            await using (stream)
            {
                await stream.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            }
        }
    }
}
