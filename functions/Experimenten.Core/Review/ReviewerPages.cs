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
        return page ?? Html.Page(state!.Lang, state.View.Title, Form(state, token, null), carriesToken: true);
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
            return Html.Page(lang, state.View.Title, Form(state, token, T(lang, "Kies goedkeuren, afwijzen of aanpassing vragen.", "Choose approve, reject or request changes.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        if (decision != Decision.Approve && comment.Length == 0)
        {
            return Html.Page(lang, state.View.Title, Form(state, token, T(lang, "Schrijf kort waarom: de aanvragers lezen dit.", "Please say briefly why: the applicants will read this.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        if (comment.Length > 4000)
        {
            return Html.Page(lang, state.View.Title, Form(state, token, T(lang, "De toelichting mag hoogstens 4000 tekens zijn.", "The comment may be at most 4000 characters.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        var now = time.GetUtcNow();
        var (recorded, row) = await reviews.DecideAsync(state.View.Id, state.Round, state.ReviewerId, decision, comment, now, cancellationToken);
        if (!recorded)
        {
            return AlreadyDecided(lang, state.View, row);
        }

        await durable.RaiseEventAsync(Events.RoundInstance(state.View.Id, state.Round), Events.ReviewDecision,
            new ReviewDecisionReceived(state.ReviewerId, decision, comment, now), cancellationToken);
        return Html.Page(lang, T(lang, "Besluit ontvangen", "Decision received"),
            $"<h1>{T(lang, "Dank u wel", "Thank you")}</h1><p>{E(T(lang, $"Uw besluit over \"{state.View.Title}\" is vastgelegd: {DecisionText(decision, lang)}.", $"Your decision on \"{state.View.Title}\" is recorded: {DecisionText(decision, lang)}."))}</p>",
            carriesToken: true);
    }

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

        if (view.Stage != Stage.InReview || view.Round != claims.Round)
        {
            return (Closed(lang, view, T(lang, $"Beoordelingsronde {claims.Round} is gesloten; een besluit telt nu niet meer mee.", $"Review round {claims.Round} is closed; a decision no longer counts.")), null);
        }

        return (null, new State(lang, view, claims.Round, claims.Subject, row));
    }

    string Form(State s, string token, string? error)
    {
        var lang = s.Lang;
        var v = s.View;
        var plan = signer.Sign(LinkPurpose.Plan, v.Id, "reviewer:" + s.ReviewerId, s.Round, TimeSpan.FromDays(30));
        var html = new StringBuilder()
            .Append("<h1>").Append(E(v.Title)).Append("</h1>")
            .Append("<p>").Append(E(T(lang, $"Ronde {s.Round} · {v.InitiativeName} met {v.WelfareOrganisation} · {v.Municipality}", $"Round {s.Round} · {v.InitiativeName} with {v.WelfareOrganisation} · {v.Municipality}"))).Append("</p>")
            .Append("<p>").Append(T(lang, "Gevraagd bedrag", "Amount requested")).Append(": ").Append(E(Formatting.Euros(v.BudgetRequested, lang))).Append("</p>")
            .Append("<h2>").Append(T(lang, "Samenvatting", "Summary")).Append("</h2><p>").Append(E(v.Summary)).Append("</p>")
            .Append("<p><a href=\"/plan/").Append(E(plan)).Append("\">").Append(T(lang, $"Plan bekijken (versie {v.Plan.Version})", $"View the plan (version {v.Plan.Version})")).Append("</a></p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\" id=\"decision-error\">").Append(E(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/review/").Append(E(token)).Append("\"><fieldset><legend>").Append(T(lang, "Uw besluit", "Your decision")).Append("</legend>");
        foreach (var d in Enum.GetValues<Decision>())
        {
            var value = d.ToString().ToLowerInvariant();
            html.Append("<label><input type=\"radio\" name=\"decision\" value=\"").Append(value).Append("\" required> ").Append(E(DecisionText(d, lang))).Append("</label>");
        }

        html.Append("</fieldset><label for=\"comment\">").Append(T(lang, "Toelichting (nodig bij afwijzen of aanpassing vragen; de aanvragers lezen dit)", "Comment (needed to reject or request changes; the applicants read this)"))
            .Append("</label><textarea id=\"comment\" name=\"comment\" maxlength=\"4000\"></textarea>")
            .Append("<button type=\"submit\">").Append(T(lang, "Besluit versturen", "Send decision")).Append("</button></form>")
            .Append("<p>").Append(E(T(lang, $"Uw deadline: {(v.NextDeadline is { } d2 ? format.Moment(d2, lang) : "-")}", $"Your deadline: {(v.NextDeadline is { } d3 ? format.Moment(d3, lang) : "-")}"))).Append("</p>");
        return html.ToString();
    }

    IResult AlreadyDecided(string lang, ApplicationView view, ReviewRow row) => Html.Page(lang, T(lang, "Al besloten", "Already decided"),
        $"<h1>{T(lang, "Hierover is al besloten", "This has already been decided")}</h1><p>{E(T(lang,
            $"{row.Name} koos \"{DecisionText(row.Decision!.Value, lang)}\" voor \"{view.Title}\" (ronde {row.Round}) op {format.Moment(row.DecidedAt ?? default, lang)}.",
            $"{row.Name} chose \"{DecisionText(row.Decision!.Value, lang)}\" for \"{view.Title}\" (round {row.Round}) on {format.Moment(row.DecidedAt ?? default, lang)}."))}</p>",
        StatusCodes.Status409Conflict, carriesToken: true);

    IResult Closed(string lang, ApplicationView view, string text) => Html.Page(lang, view.Title,
        $"<h1>{E(view.Title)}</h1><p>{E(text)}</p>{Contact(lang)}", StatusCodes.Status409Conflict, carriesToken: true);

    IResult LinkProblem(string lang, LinkCheckResult result) => Html.Page(lang, T(lang, "Link werkt niet", "Link does not work"),
        result == LinkCheckResult.Expired
            ? $"<h1>{T(lang, "Deze link is verlopen", "This link has expired")}</h1>{Contact(lang)}"
            : $"<h1>{T(lang, "Deze link is niet geldig", "This link is not valid")}</h1><p>{T(lang, "Gebruik de link uit de laatste e-mail.", "Use the link in the latest email.")}</p>{Contact(lang)}",
        result == LinkCheckResult.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound, carriesToken: true);

    string Contact(string lang) =>
        $"<p>{T(lang, "Vragen? Mail het fondsbureau:", "Questions? Email the fund office:")} <a href=\"mailto:{E(email.Value.CoordinatorAddress)}\">{E(email.Value.CoordinatorAddress)}</a></p>";

    public static string DecisionText(Decision decision, string lang) => decision switch
    {
        Decision.Approve => T(lang, "goedkeuren", "approve"),
        Decision.Reject => T(lang, "afwijzen", "reject"),
        _ => T(lang, "aanpassing vragen", "request changes"),
    };

    static string T(string lang, string nl, string en) => lang == Languages.English ? en : nl;

    static string E(string? value) => Html.E(value);

    sealed record State(string Lang, ApplicationView View, int Round, string ReviewerId, ReviewRow Row);

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
