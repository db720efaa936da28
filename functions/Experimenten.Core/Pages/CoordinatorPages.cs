using System.Globalization;
using System.Text;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Pages;

/// <summary>
/// The coordinator's dashboard (<c>GET /coordinator</c>) and detail page (<c>GET /coordinator/applications/{id}</c>),
/// server-rendered from the read model; coordinator.js refreshes the list every 10 s from the API. The detail page's
/// forms post to <c>/coordinator/applications/{id}/{action}</c>, which hand over to <see cref="CoordinatorApi"/> and
/// answer 303 back to the page, or show the problem's errors next to the fields.
/// </summary>
public sealed class CoordinatorPages(CoordinatorAuth auth, CoordinatorApi api, ReadModel readModel, ReviewStore reviews, ReportStore reports, CallCatalog catalog, Formatting format, TimeProvider time)
{
    public const int PageSize = 25;

    static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var q = request.Query;
        var callId = q["callId"].ToString();
        var stageText = q["stage"].ToString();
        Stage? stage = Enum.TryParse<Stage>(stageText, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null;
        var overdue = q["overdue"] == "true";
        // A token that is not ours (edited by hand) starts at the first page rather than failing.
        var continuation = q["continuationToken"].ToString() is { Length: > 0 } t && ListIndex.IsContinuation(t) ? t : "";
        var pageSize = int.TryParse(q["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 200) : PageSize;
        var now = time.GetUtcNow();
        var (items, next) = await readModel.PageAsync(callId.Length > 0 ? callId : null, stage, overdue, now, pageSize, continuation.Length > 0 ? continuation : null, cancellationToken);

        var body = new StringBuilder()
            .Append("<h1>").Append(Html.T(lang, "Aanvragen", "Applications")).Append("</h1>")
            .Append("<form class=\"filters\" method=\"get\" action=\"/coordinator\" aria-labelledby=\"filters-title\"><h2 id=\"filters-title\" class=\"visually-hidden\">").Append(Html.T(lang, "Filters", "Filters")).Append("</h2>");
        if (lang == Languages.English)
        {
            body.Append("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        }

        body.Append("<div class=\"field\"><label for=\"filter-call\">").Append(Html.T(lang, "Oproep", "Call")).Append("</label><select id=\"filter-call\" name=\"callId\"><option value=\"\">")
            .Append(Html.T(lang, "Alle oproepen", "All calls")).Append("</option>");
        foreach (var call in catalog.Calls)
        {
            body.Append("<option value=\"").Append(Html.E(call.Id)).Append('"').Append(call.Id == callId ? " selected" : "").Append('>').Append(Html.E(call.Title.For(lang))).Append("</option>");
        }

        body.Append("</select></div><div class=\"field\"><label for=\"filter-stage\">").Append(Html.T(lang, "Fase", "Stage")).Append("</label><select id=\"filter-stage\" name=\"stage\"><option value=\"\">")
            .Append(Html.T(lang, "Alle fases", "All stages")).Append("</option>");
        foreach (var option in Enum.GetValues<Stage>())
        {
            body.Append("<option value=\"").Append(option).Append('"').Append(option == stage ? " selected" : "").Append('>').Append(Html.E(StageLabel(option, lang))).Append("</option>");
        }

        body.Append("</select></div><div class=\"field checkbox\"><input type=\"checkbox\" id=\"filter-overdue\" name=\"overdue\" value=\"true\"").Append(overdue ? " checked" : "")
            .Append("><label for=\"filter-overdue\">").Append(Html.T(lang, "Alleen aanvragen waarvan de deadline voorbij is", "Only applications whose deadline has passed")).Append("</label></div>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Filter toepassen", "Apply filter")).Append("</button></form>");

        var apiQuery = QueryString.Create(new Dictionary<string, string?>
        {
            ["callId"] = callId.Length > 0 ? callId : null,
            ["stage"] = stage?.ToString(),
            ["overdue"] = overdue ? "true" : null,
            ["continuationToken"] = continuation.Length > 0 ? continuation : null,
            ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        body.Append("<p class=\"hint\" id=\"refresh-status\">").Append(Html.T(lang, "Deze lijst wordt elke 10 seconden vanzelf bijgewerkt.", "This list updates itself every 10 seconds.")).Append("</p>")
            .Append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"list-caption\" tabindex=\"0\"><table class=\"applications\" id=\"applications\"")
            .Append(" data-api=\"/").Append(Routes.CoordinatorList).Append(Html.E(apiQuery.ToString())).Append('"')
            .Append(" data-lang=\"").Append(lang).Append('"')
            .Append(" data-stages=\"").Append(Html.E(System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<Stage>().ToDictionary(x => x.ToString(), x => StageLabel(x, lang))))).Append('"')
            .Append(" data-waiting=\"").Append(Html.E(System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<WaitingOn>().ToDictionary(x => x.ToWire(), x => WaitingLabel(x, lang))))).Append('"')
            .Append(" data-calls=\"").Append(Html.E(System.Text.Json.JsonSerializer.Serialize(catalog.Calls.ToDictionary(c => c.Id, c => c.Title.For(lang))))).Append('"')
            .Append(" data-overdue=\"").Append(Html.E(Html.T(lang, "Te laat", "Overdue"))).Append('"')
            .Append(" data-none=\"").Append(Html.E(Html.T(lang, "Geen deadline", "No deadline"))).Append('"')
            .Append(" data-empty=\"").Append(Html.E(Html.T(lang, "Geen aanvragen gevonden.", "No applications found."))).Append('"')
            .Append(" data-zone=\"").Append(Html.E(Html.T(lang, "Nederlandse tijd", "Amsterdam time"))).Append('"')
            .Append(" data-updated=\"").Append(Html.E(Html.T(lang, "Bijgewerkt om", "Updated at"))).Append('"')
            .Append("><caption id=\"list-caption\">").Append(Html.T(lang, "Aanvragen met hun fase en deadline", "Applications with their stage and deadline")).Append("</caption><thead><tr>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Aanvraag", "Application")).Append("</th>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Oproep", "Call")).Append("</th>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Fase", "Stage")).Append("</th>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Wie is aan zet", "Waiting on")).Append("</th>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Volgende deadline", "Next deadline")).Append("</th>")
            .Append("</tr></thead><tbody>");
        if (items.Count == 0)
        {
            body.Append("<tr><td colspan=\"5\">").Append(Html.T(lang, "Geen aanvragen gevonden.", "No applications found.")).Append("</td></tr>");
        }

        foreach (var v in items)
        {
            var late = v.NextDeadline < now && !v.Stage.IsFinal();
            body.Append("<tr data-id=\"").Append(Html.E(v.Id)).Append('"').Append(late ? " class=\"overdue\"" : "").Append("><td><a href=\"/coordinator/applications/").Append(Uri.EscapeDataString(v.Id)).Append(LangQuery(lang)).Append("\">")
                .Append(Html.E(v.Title)).Append("</a><span class=\"sub\">").Append(Html.E(v.InitiativeName)).Append("</span></td>")
                .Append("<td>").Append(Html.E(catalog.Find(v.CallId)?.Title.For(lang) ?? v.CallId)).Append("</td>")
                .Append("<td class=\"stage-cell\">").Append(Html.E(StageLabel(v.Stage, lang))).Append("</td>")
                .Append("<td>").Append(Html.E(v.Stage.IsFinal() ? WaitingLabel(WaitingOn.Nobody, lang) : WaitingLabel(v.WaitingOn, lang))).Append("</td><td class=\"deadline\">");
            Deadline(body, v, now, lang);
            body.Append("</td></tr>");
        }

        body.Append("</tbody></table></div><nav class=\"paging\" aria-label=\"").Append(Html.T(lang, "Pagina's", "Pages")).Append("\">");
        if (continuation.Length > 0)
        {
            body.Append("<a href=\"/coordinator").Append(Html.E(Query(request, ("continuationToken", null)))).Append("\">").Append(Html.T(lang, "Eerste pagina", "First page")).Append("</a> ");
        }

        if (next is not null)
        {
            body.Append("<a href=\"/coordinator").Append(Html.E(Query(request, ("continuationToken", next)))).Append("\">").Append(Html.T(lang, "Volgende pagina", "Next page")).Append("</a>");
        }

        body.Append("</nav>");
        return Page(lang, Html.T(lang, "Aanvragen", "Applications"), body.ToString(), StatusCodes.Status200OK, Query(request, ("lang", lang == Languages.English ? "nl" : "en")), Csrf.TokenFor(request), ["countdown.js", "coordinator.js"]);
    }

    public async Task<IResult> DetailAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        return await DeniedAsync(request, lang) ?? await RenderDetailAsync(request, id, lang, Done(request.Query["done"].ToString(), lang), cancellationToken);
    }

    /// <summary><c>POST /coordinator/applications/{id}/{action}</c>: deadline, remind, reassign or cancel.</summary>
    public async Task<IResult> ActAsync(HttpRequest request, string id, string action, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            return await RenderDetailAsync(request, id, lang, Expired(lang), cancellationToken);
        }

        ApiOutcome outcome;
        switch (action)
        {
            case "deadline":
                if (LocalToOffset(form["deadline"].ToString(), out var deadline) is { } problem)
                {
                    return await RenderDetailAsync(request, id, lang, Refused(action, form, lang, new Dictionary<string, string[]> { ["deadline"] = [Html.T(lang, problem.Nl, problem.En)] }), cancellationToken);
                }

                request.Form = new FormCollection(new Dictionary<string, StringValues>
                {
                    ["deadline"] = deadline.ToString("o", CultureInfo.InvariantCulture),
                    ["reason"] = form["reason"],
                });
                outcome = ApiOutcome.From(await api.ExtendDeadlineAsync(request, id, durable, cancellationToken));
                break;
            case "remind":
                outcome = ApiOutcome.From(await api.RemindAsync(request, id, durable, cancellationToken));
                break;
            case "reassign":
                outcome = ApiOutcome.From(await api.ReassignAsync(request, id, durable, cancellationToken));
                break;
            case "cancel":
                if (form["confirm"] != "yes")
                {
                    return await RenderDetailAsync(request, id, lang, Refused(action, form, lang, new Dictionary<string, string[]>
                    {
                        ["confirm"] = [Html.T(lang, "Vink aan dat u deze aanvraag echt wilt stopzetten.", "Tick the box to confirm that you really want to cancel this application.")],
                    }), cancellationToken);
                }

                outcome = ApiOutcome.From(await api.CancelAsync(request, id, durable, cancellationToken));
                break;
            default:
                return NotFound(lang);
        }

        return await AfterAsync(request, id, action, form, outcome, lang, cancellationToken);
    }

    /// <summary><c>POST /coordinator/applications/{id}/reports/{number}/{verdict}</c>: accept, or ask for changes.</summary>
    public async Task<IResult> JudgeReportAsync(HttpRequest request, string id, int number, string verdict, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        if (verdict is not ("accept" or "changes"))
        {
            return NotFound(lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            return await RenderDetailAsync(request, id, lang, Expired(lang), cancellationToken);
        }

        var outcome = ApiOutcome.From(await api.JudgeReportAsync(request, id, number, verdict == "accept", durable, cancellationToken));
        return await AfterAsync(request, id, $"report-{number}-{verdict}", form, outcome, lang, cancellationToken);
    }

    async Task<IResult> AfterAsync(HttpRequest request, string id, string action, IFormCollection form, ApiOutcome outcome, string lang, CancellationToken cancellationToken)
    {
        if (outcome.Accepted)
        {
            var query = QueryString.Create("done", action.StartsWith("report-", StringComparison.Ordinal) ? action[(action.LastIndexOf('-') + 1)..] : action);
            return new SeeOtherResult("/coordinator/applications/" + Uri.EscapeDataString(id) + query + (lang == Languages.English ? QueryString.Create("lang", "en") : QueryString.Empty));
        }

        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound(lang);
        }

        if (outcome.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            return await DeniedAsync(request, lang) ?? NotFound(lang);
        }

        var form2 = action.StartsWith("report-", StringComparison.Ordinal) ? action[..action.LastIndexOf('-')] : action;
        return await RenderDetailAsync(request, id, lang, new State(outcome.Title, outcome.Detail, true, form2, outcome.Errors, form, outcome.Status), cancellationToken);
    }

    async Task<IResult> RenderDetailAsync(HttpRequest request, string id, string lang, State? state, CancellationToken cancellationToken)
    {
        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound(lang);
        }

        var now = time.GetUtcNow();
        var csrf = Csrf.TokenFor(request);
        var timeline = await readModel.GetTimelineAsync(id, cancellationToken);
        var reviewRows = await reviews.ListAsync(id, cancellationToken);
        var reportRows = await reports.ListAsync(id, cancellationToken);
        var q = LangQuery(lang);
        var body = new StringBuilder()
            .Append("<p><a href=\"/coordinator").Append(q).Append("\">").Append(Html.T(lang, "Terug naar alle aanvragen", "Back to all applications")).Append("</a></p>")
            .Append("<h1>").Append(Html.E(view.Title)).Append("</h1>");
        if (state is not null)
        {
            body.Append(Forms.Notice(state.NoticeTitle, state.NoticeText, state.Error));
        }

        var late = view.NextDeadline < now && !view.Stage.IsFinal();
        body.Append("<dl class=\"facts").Append(late ? " overdue" : "").Append("\">");
        Fact(body, Html.T(lang, "Kenmerk", "Reference"), $"<span class=\"mono\">{Html.E(view.Id)}</span>");
        Fact(body, Html.T(lang, "Oproep", "Call"), Html.E(catalog.Find(view.CallId)?.Title.For(lang) ?? view.CallId));
        Fact(body, Html.T(lang, "Fase", "Stage"), $"<span class=\"stage\">{Html.E(StageLabel(view.Stage, lang))}</span>" + (view.Round > 0 ? Html.E(Html.T(lang, $" (ronde {view.Round})", $" (round {view.Round})")) : ""));
        Fact(body, Html.T(lang, "Wie is aan zet", "Waiting on"), Html.E(view.Stage.IsFinal() ? WaitingLabel(WaitingOn.Nobody, lang) : WaitingLabel(view.WaitingOn, lang)));
        var deadline = new StringBuilder();
        Deadline(deadline, view, now, lang);
        Fact(body, Html.T(lang, "Volgende deadline", "Next deadline"), $"<span class=\"deadline\">{deadline}</span>");
        Fact(body, Html.T(lang, "Bewoners", "Residents"), $"{Html.E(view.InitiativeName)}<br>{Html.E(view.ResidentContact.Name)} &lt;{Html.E(view.ResidentContact.Email)}&gt;");
        Fact(body, Html.T(lang, "Welzijnsorganisatie", "Welfare organisation"), $"{Html.E(view.WelfareOrganisation)}<br>{Html.E(view.WelfareContact.Name)} &lt;{Html.E(view.WelfareContact.Email)}&gt;");
        Fact(body, Html.T(lang, "Gemeente", "Municipality"), Html.E(view.Municipality));
        Fact(body, Html.T(lang, "Gevraagd bedrag", "Amount requested"), Html.E(Formatting.Euros(view.BudgetRequested, lang)));
        Fact(body, Html.T(lang, "Ingediend", "Submitted"), Countdown.Time(view.SubmittedAt, format.Moment(view.SubmittedAt, lang)));
        Fact(body, Html.T(lang, "Samenvatting", "Summary"), Html.E(view.Summary));
        body.Append("</dl>");

        Actions(body, view, reviewRows, lang, csrf, state);
        Reports(body, view, reportRows, lang, csrf, state);
        Reviews(body, reviewRows, lang);
        body.Append("<h2>").Append(Html.T(lang, "Tijdlijn", "Timeline")).Append("</h2><ol class=\"timeline\">");
        foreach (var entry in timeline.OrderBy(t => t.At))
        {
            body.Append("<li>").Append(Countdown.Time(entry.At, format.Moment(entry.At, lang))).Append("<span class=\"what\">").Append(Html.E(entry.Text)).Append("</span>");
            if (!string.IsNullOrEmpty(entry.Actor))
            {
                body.Append(" <span class=\"actor\">(").Append(Html.E(entry.Actor)).Append(")</span>");
            }

            body.Append("</li>");
        }

        body.Append("</ol>");
        var title = (state is { Error: true } ? Html.T(lang, "Fout: ", "Error: ") : "") + view.Title;
        return Page(lang, title, body.ToString(), state?.Status ?? StatusCodes.Status200OK, "/coordinator/applications/" + Uri.EscapeDataString(id) + (lang == Languages.English ? "?lang=nl" : "?lang=en"), csrf, ["countdown.js"]);
    }

    void Actions(StringBuilder body, ApplicationView view, IReadOnlyList<ReviewRow> reviewRows, string lang, string csrf, State? state)
    {
        body.Append("<section class=\"actions\" aria-labelledby=\"actions-title\"><h2 id=\"actions-title\">").Append(Html.T(lang, "Acties", "Actions")).Append("</h2>");
        if (view.Stage.IsFinal())
        {
            body.Append("<p>").Append(Html.T(lang, "De aanvraag is afgesloten. Er zijn geen acties meer.", "The application is closed. There are no more actions.")).Append("</p></section>");
            return;
        }

        string Action(string name) => $"/coordinator/applications/{Uri.EscapeDataString(view.Id)}/{name}{LangQuery(lang)}";
        string? Value(string form, string field) => state?.Form == form ? state.Values?[field].ToString() : null;
        string[]? Errors(string form, string field) => state?.Form == form ? state.ErrorsFor(field) : null;

        // Extend the deadline: the coordinator types Amsterdam time; the server adds the offset.
        var current = view.NextDeadline is { } d ? TimeZoneInfo.ConvertTime(d, format.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";
        body.Append("<h3 id=\"deadline-title\">").Append(Html.T(lang, "Deadline verzetten", "Extend the deadline")).Append("</h3>")
            .Append("<form method=\"post\" action=\"").Append(Html.E(Action("deadline"))).Append("\" aria-labelledby=\"deadline-title\" novalidate>").Append(Forms.CsrfField(csrf));
        Forms.Field(body, "deadline-deadline", "deadline", Html.T(lang, "Nieuwe deadline", "New deadline"), "datetime-local", Value("deadline", "deadline") ?? current, Errors("deadline", "deadline"), lang,
            Html.T(lang, "Datum en tijd in Nederlandse tijd.", "Date and time in Amsterdam time."));
        Forms.Field(body, "deadline-reason", "reason", Html.T(lang, "Reden", "Reason"), "textarea", Value("deadline", "reason"), Errors("deadline", "reason"), lang,
            Html.T(lang, "Komt in de tijdlijn. Hoogstens 500 tekens.", "Goes into the timeline. At most 500 characters."));
        body.Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Deadline verzetten", "Extend the deadline")).Append("</button></form>");

        // Remind now.
        body.Append("<h3 id=\"remind-title\">").Append(Html.T(lang, "Nu herinneren", "Remind now")).Append("</h3><p>")
            .Append(Html.E(Html.T(lang, $"Stuurt meteen een herinnering aan: {WaitingLabel(view.WaitingOn, lang)}.", $"Sends a reminder at once to: {WaitingLabel(view.WaitingOn, lang)}.")))
            .Append("</p><form method=\"post\" action=\"").Append(Html.E(Action("remind"))).Append("\" aria-labelledby=\"remind-title\">").Append(Forms.CsrfField(csrf))
            .Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Herinnering sturen", "Send a reminder")).Append("</button></form>");

        // Reassign a reviewer of the running round.
        if (view.Stage == Stage.InReview && view.Round > 0)
        {
            var open = reviewRows.Where(r => r.Round == view.Round && r.Decision is null && !r.Reassigned).ToList();
            var inRound = reviewRows.Where(r => r.Round == view.Round && !r.Reassigned).Select(r => r.ReviewerId).ToHashSet();
            body.Append("<h3 id=\"reassign-title\">").Append(Html.T(lang, "Beoordelaar wisselen", "Reassign a reviewer")).Append("</h3>")
                .Append("<form method=\"post\" action=\"").Append(Html.E(Action("reassign"))).Append("\" aria-labelledby=\"reassign-title\" novalidate>").Append(Forms.CsrfField(csrf));
            Select(body, "reassign-from", "from", Html.T(lang, "Wie stopt?", "Who stops?"), open.Select(r => (r.ReviewerId, r.Name)), Value("reassign", "from"), Errors("reassign", "from"), lang);
            Select(body, "reassign-to", "to", Html.T(lang, "Wie neemt het over?", "Who takes over?"),
                catalog.Panel.Reviewers.Where(r => !inRound.Contains(r.Id) && !r.HasConflictWith(view.WelfareOrganisation)).Select(r => (r.Id, r.Name)), Value("reassign", "to"), Errors("reassign", "to"), lang);
            body.Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Wisselen", "Reassign")).Append("</button></form>");
        }

        // Cancel, with a reason and a tick to confirm.
        var confirmErrors = Errors("cancel", "confirm");
        body.Append("<h3 id=\"cancel-title\">").Append(Html.T(lang, "Stopzetten", "Cancel")).Append("</h3><p>")
            .Append(Html.T(lang, "Stopt de aanvraag voorgoed. Beide contactpersonen krijgen een e-mail met de reden.", "Stops the application for good. Both contacts get an email with the reason."))
            .Append("</p><form method=\"post\" action=\"").Append(Html.E(Action("cancel"))).Append("\" aria-labelledby=\"cancel-title\" novalidate>").Append(Forms.CsrfField(csrf));
        Forms.Field(body, "cancel-reason", "reason", Html.T(lang, "Reden voor de aanvragers", "Reason for the applicants"), "textarea", Value("cancel", "reason"), Errors("cancel", "reason"), lang, max: 500);
        body.Append("<div class=\"field checkbox").Append(confirmErrors is null ? "" : " has-error").Append("\">");
        FormFields.ErrorMessage(body, "cancel-confirm", lang, confirmErrors);
        body.Append("<input type=\"checkbox\" id=\"cancel-confirm\" name=\"confirm\" value=\"yes\"").Append(FormFields.DescribedBy("cancel-confirm", false, confirmErrors is not null))
            .Append(confirmErrors is null ? "" : " aria-invalid=\"true\"").Append("><label for=\"cancel-confirm\">")
            .Append(Html.T(lang, "Ja, ik wil deze aanvraag stopzetten.", "Yes, I want to cancel this application.")).Append("</label></div>")
            .Append("<button type=\"submit\" class=\"primary danger\">").Append(Html.T(lang, "Aanvraag stopzetten", "Cancel the application")).Append("</button></form></section>");
    }

    void Reports(StringBuilder body, ApplicationView view, IReadOnlyList<ReportRow> rows, string lang, string csrf, State? state)
    {
        if (rows.Count == 0)
        {
            return;
        }

        body.Append("<h2>").Append(Html.T(lang, "Verslagen", "Reports")).Append("</h2>");
        foreach (var r in rows.OrderBy(r => r.Number))
        {
            var form = $"report-{r.Number}";
            body.Append("<div class=\"report\"><h3 id=\"").Append(form).Append("-title\">")
                .Append(Html.E(r.Final ? Html.T(lang, $"Verslag {r.Number} (eindverslag)", $"Report {r.Number} (final)") : Html.T(lang, $"Verslag {r.Number}", $"Report {r.Number}"))).Append("</h3><p>")
                .Append(Html.T(lang, "Uiterlijk ", "Due ")).Append(Countdown.Time(r.Due, format.Moment(r.Due, lang))).Append(" · ").Append(Html.E(ReportStatusLabel(r.Status, lang))).Append("</p>");
            if (r.Text is not null)
            {
                body.Append("<blockquote>").Append(Html.E(r.Text)).Append("</blockquote>");
            }

            if (r.Blob is not null)
            {
                body.Append("<p>").Append(Html.T(lang, "Er is een bestand meegestuurd.", "A file was attached.")).Append("</p>");
            }

            if (r.Comment is { Length: > 0 })
            {
                body.Append("<p>").Append(Html.T(lang, "Opmerking: ", "Comment: ")).Append(Html.E(r.Comment)).Append("</p>");
            }

            if (r.Status == ReportStatus.Submitted && view.Stage == Stage.Monitoring)
            {
                var baseAction = $"/coordinator/applications/{Uri.EscapeDataString(view.Id)}/reports/{r.Number}/";
                body.Append("<form method=\"post\" action=\"").Append(Html.E(baseAction + "accept" + LangQuery(lang))).Append("\" aria-labelledby=\"").Append(form).Append("-title\" novalidate>").Append(Forms.CsrfField(csrf));
                Forms.Field(body, form + "-comment", "comment", Html.T(lang, "Opmerking voor de aanvragers", "Comment for the applicants"), "textarea",
                    state?.Form == form ? state.Values?["comment"].ToString() : null, state?.Form == form ? state.ErrorsFor("comment") : null, lang,
                    Html.T(lang, "Nodig als u om aanvulling vraagt.", "Needed when you ask for changes."), required: false, max: 2000);
                body.Append("<div class=\"buttons\"><button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Verslag goedkeuren", "Accept the report")).Append("</button>")
                    .Append("<button type=\"submit\" class=\"secondary\" formaction=\"").Append(Html.E(baseAction + "changes" + LangQuery(lang))).Append("\">")
                    .Append(Html.T(lang, "Om aanvulling vragen", "Ask for changes")).Append("</button></div></form>");
            }

            body.Append("</div>");
        }
    }

    void Reviews(StringBuilder body, IReadOnlyList<ReviewRow> rows, string lang)
    {
        body.Append("<h2>").Append(Html.T(lang, "Beoordelingen", "Reviews")).Append("</h2>");
        if (rows.Count == 0)
        {
            body.Append("<p>").Append(Html.T(lang, "Nog geen beoordelaars uitgenodigd.", "No reviewers invited yet.")).Append("</p>");
            return;
        }

        body.Append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"reviews-caption\" tabindex=\"0\"><table><caption id=\"reviews-caption\">").Append(Html.T(lang, "Wie beoordeelde wat, per ronde", "Who decided what, per round")).Append("</caption><thead><tr>")
            .Append("<th scope=\"col\">").Append(Html.T(lang, "Ronde", "Round")).Append("</th><th scope=\"col\">").Append(Html.T(lang, "Beoordelaar", "Reviewer"))
            .Append("</th><th scope=\"col\">").Append(Html.T(lang, "Besluit", "Decision")).Append("</th><th scope=\"col\">").Append(Html.T(lang, "Toelichting", "Comment")).Append("</th></tr></thead><tbody>");
        foreach (var r in rows.OrderBy(r => r.Round).ThenBy(r => r.InvitedAt))
        {
            body.Append("<tr><td>").Append(r.Round).Append("</td><td>").Append(Html.E(r.Name)).Append("</td><td>");
            if (r.Decision is { } decision)
            {
                body.Append(Html.E(DecisionText.For(decision, lang))).Append("<br>").Append(Countdown.Time(r.DecidedAt ?? default, format.Moment(r.DecidedAt ?? default, lang)));
            }
            else
            {
                body.Append(r.Reassigned ? Html.T(lang, "Gewisseld", "Reassigned") : Html.T(lang, "Nog niet besloten", "Not decided yet"));
            }

            body.Append("</td><td>").Append(Html.E(r.Comment)).Append("</td></tr>");
        }

        body.Append("</tbody></table></div>");
    }

    void Deadline(StringBuilder html, ApplicationView v, DateTimeOffset now, string lang)
    {
        if (v.NextDeadline is not { } deadline || v.Stage.IsFinal())
        {
            html.Append(Html.T(lang, "Geen deadline", "No deadline"));
            return;
        }

        if (deadline < now)
        {
            html.Append("<strong class=\"overdue-flag\">").Append(Html.T(lang, "Te laat", "Overdue")).Append("</strong> ");
        }

        html.Append(Countdown.Time(deadline, format.Moment(deadline, lang))).Append("<br>").Append(Countdown.Span(deadline, now, lang));
    }

    static void Fact(StringBuilder body, string term, string html) => body.Append("<dt>").Append(Html.E(term)).Append("</dt><dd>").Append(html).Append("</dd>");

    static void Select(StringBuilder body, string id, string name, string label, IEnumerable<(string Value, string Text)> options, string? chosen, string[]? errors, string lang)
    {
        body.Append("<div class=\"field").Append(errors is null ? "" : " has-error").Append("\"><label for=\"").Append(id).Append("\">").Append(Html.E(label)).Append("</label>");
        FormFields.ErrorMessage(body, id, lang, errors);
        body.Append("<select id=\"").Append(id).Append("\" name=\"").Append(name).Append('"').Append(FormFields.DescribedBy(id, false, errors is not null)).Append(errors is null ? "" : " aria-invalid=\"true\"").Append('>');
        foreach (var (value, text) in options)
        {
            body.Append("<option value=\"").Append(Html.E(value)).Append('"').Append(value == chosen ? " selected" : "").Append('>').Append(Html.E(text)).Append("</option>");
        }

        body.Append("</select></div>");
    }

    /// <summary>A datetime-local value read as Amsterdam time, with the offset that applies on that day.</summary>
    (string Nl, string En)? LocalToOffset(string value, out DateTimeOffset moment)
    {
        moment = default;
        if (!DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ("Kies een datum en een tijd.", "Choose a date and a time.");
        }

        if (format.Zone.IsInvalidTime(local))
        {
            return ("Dit tijdstip bestaat niet: de klok gaat dan een uur vooruit. Kies een ander tijdstip.", "This time does not exist: the clocks go forward then. Choose another time.");
        }

        moment = new DateTimeOffset(local, format.Zone.GetUtcOffset(local));
        return null;
    }

    /// <summary>
    /// Null for a signed-in coordinator. Otherwise a page that is read is answered with the sign-in page (and
    /// back here afterwards); a form sent from elsewhere, or without a session, changes nothing.
    /// </summary>
    async Task<IResult?> DeniedAsync(HttpRequest request, string lang)
    {
        if (HttpMethods.IsPost(request.Method) && CrossSite.IsCrossSite(request))
        {
            return Html.Page(new PageOptions(lang, Html.T(lang, "Geweigerd", "Refused"),
                $"<h1>{Html.T(lang, "Verzoek van een andere website", "Request from another website")}</h1><p>{Html.T(lang, "Dit formulier kwam van een andere website en is geweigerd. Er is niets veranderd.", "This form came from another website and was refused. Nothing has changed.")}</p>")
            {
                Status = StatusCodes.Status403Forbidden,
                NoStore = true,
            });
        }

        var (_, problem) = await auth.AuthenticateAsync(request);
        if (problem is null)
        {
            return null;
        }

        var status = ApiOutcome.From(problem).Status;
        if (status == StatusCodes.Status401Unauthorized && auth.UsesSignInPage && HttpMethods.IsGet(request.Method))
        {
            return new SeeOtherResult(SignInPage.Href(request.Path + request.QueryString, lang));
        }

        return Html.Page(new PageOptions(lang, Html.T(lang, "Aanmelden nodig", "Sign-in needed"),
            status == StatusCodes.Status403Forbidden
                ? $"<h1>{Html.T(lang, "Geen toegang", "No access")}</h1><p>{Html.T(lang, "U bent aangemeld, maar niet als coördinator.", "You are signed in, but not as a coordinator.")}</p>"
                : $"<h1>{Html.T(lang, "Aanmelden nodig", "Sign-in needed")}</h1><p>{Html.T(lang, "Dit deel is alleen voor coördinatoren van het fonds. Er is niets veranderd.", "This part is for the fund's coordinators only. Nothing has changed.")}</p><p><a class=\"button\" href=\"{Html.E(SignInPage.Href("/coordinator", lang))}\">{Html.T(lang, "Aanmelden", "Sign in")}</a></p>")
        {
            Status = status,
            NoStore = true,
        });
    }

    static IResult NotFound(string lang) => Html.Page(new PageOptions(lang, Html.T(lang, "Niet gevonden", "Not found"),
        $"<h1>{Html.T(lang, "Deze aanvraag bestaat niet", "This application does not exist")}</h1><p><a href=\"/coordinator{LangQuery(lang)}\">{Html.T(lang, "Terug naar alle aanvragen", "Back to all applications")}</a></p>")
    {
        Status = StatusCodes.Status404NotFound,
        NoStore = true,
    });

    /// <summary>A coordinator's page, with the sign-out button on top where coordinators sign in on the page.</summary>
    IResult Page(string lang, string title, string body, int status, string switchHref, string? csrf, IReadOnlyList<string> scripts) =>
        Html.Page(new PageOptions(lang, title + Html.T(lang, " · Coördinator", " · Coordinator"), (auth.UsesSignInPage && csrf is not null ? SignInPage.SignOutForm(lang, csrf) : "") + body)
        {
            Status = status,
            NoStore = true,
            Wide = true,
            SwitchLanguageHref = switchHref,
            Scripts = scripts,
            Prepare = csrf is null ? null : context => Csrf.SetCookie(context, csrf),
        });

    static State Expired(string lang) => new(Html.T(lang, "Het formulier is verlopen", "The form has expired"),
        Html.T(lang, "Er is niets veranderd. Probeer het nog een keer.", "Nothing has changed. Please try again."), true, null, new Dictionary<string, string[]>(), null, StatusCodes.Status403Forbidden);

    static State Refused(string form, IFormCollection values, string lang, Dictionary<string, string[]> errors) =>
        new(Html.T(lang, "Controleer de invoer", "Please check the input"), Html.T(lang, "Bij het veld staat wat er mis is.", "The field says what is wrong."), true, form, errors, values, StatusCodes.Status400BadRequest);

    static State? Done(string done, string lang)
    {
        var text = done switch
        {
            "deadline" => Html.T(lang, "De deadline is verzet. De oude termijn telt niet meer.", "The deadline has been extended. The old one no longer counts."),
            "remind" => Html.T(lang, "De herinnering wordt nu verstuurd.", "The reminder is being sent now."),
            "reassign" => Html.T(lang, "De beoordelaar is gewisseld. De nieuwe beoordelaar krijgt een uitnodiging.", "The reviewer has been reassigned. The new reviewer gets an invitation."),
            "cancel" => Html.T(lang, "De aanvraag wordt stopgezet. Beide contactpersonen krijgen een e-mail.", "The application is being cancelled. Both contacts get an email."),
            "accept" => Html.T(lang, "Het verslag is goedgekeurd.", "The report has been accepted."),
            "changes" => Html.T(lang, "De aanvragers krijgen de vraag om het verslag aan te vullen.", "The applicants are asked to add to the report."),
            _ => null,
        };
        return text is null ? null : new State(Html.T(lang, "Gelukt", "Done"), text, false, null, new Dictionary<string, string[]>(), null, StatusCodes.Status200OK);
    }

    /// <summary>The current query with some keys replaced (null removes), for paging and the language switch.</summary>
    static string Query(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var values = request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryString.Create(values.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    static string LangQuery(string lang) => lang == Languages.English ? "?lang=en" : "";

    /// <summary>Each stage in a few plain words, for a table.</summary>
    public static string StageLabel(Stage stage, string lang) => stage switch
    {
        Stage.Submitted => Html.T(lang, "Ontvangen", "Received"),
        Stage.Screening => Html.T(lang, "Wordt gecontroleerd", "Being checked"),
        Stage.Ineligible => Html.T(lang, "Voldoet niet aan de voorwaarden", "Does not meet the conditions"),
        Stage.InReview => Html.T(lang, "Bij de beoordelaars", "With the reviewers"),
        Stage.ChangesRequested => Html.T(lang, "Aanpassing gevraagd", "Changes requested"),
        Stage.Lapsed => Html.T(lang, "Vervallen", "Lapsed"),
        Stage.Approved => Html.T(lang, "Goedgekeurd", "Approved"),
        Stage.Rejected => Html.T(lang, "Afgewezen", "Rejected"),
        Stage.Monitoring => Html.T(lang, "Experiment loopt", "Experiment running"),
        Stage.Completed => Html.T(lang, "Afgerond", "Completed"),
        Stage.Withdrawn => Html.T(lang, "Ingetrokken", "Withdrawn"),
        Stage.Cancelled => Html.T(lang, "Stopgezet", "Cancelled"),
        _ => stage.ToString(),
    };

    public static string WaitingLabel(WaitingOn waitingOn, string lang) => waitingOn switch
    {
        WaitingOn.Fund => Html.T(lang, "Het fonds", "The fund"),
        WaitingOn.Reviewers => Html.T(lang, "De beoordelaars", "The reviewers"),
        WaitingOn.Applicant => Html.T(lang, "De aanvragers", "The applicants"),
        _ => Html.T(lang, "Niemand", "Nobody"),
    };

    static string ReportStatusLabel(ReportStatus status, string lang) => status switch
    {
        ReportStatus.Due => Html.T(lang, "Nog niet binnen", "Not in yet"),
        ReportStatus.Submitted => Html.T(lang, "Binnen, wacht op uw oordeel", "In, waiting for your assessment"),
        ReportStatus.Accepted => Html.T(lang, "Goedgekeurd", "Accepted"),
        _ => Html.T(lang, "Aanvulling gevraagd", "Changes asked"),
    };

    /// <summary>A notice and, after a refusal, which form it belongs to with what was typed and each field's errors.</summary>
    sealed record State(string? NoticeTitle, string? NoticeText, bool Error, string? Form, IReadOnlyDictionary<string, string[]> Errors, IFormCollection? Values, int Status)
    {
        public string[]? ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : null;
    }
}
