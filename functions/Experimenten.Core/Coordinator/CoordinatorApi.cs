using System.Globalization;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Experimenten.Coordinator;

/// <summary>
/// The coordinator API (design §5): the list and detail from the read model, and the actions that
/// become external events — extend a deadline, remind now, reassign a reviewer, cancel, judge a report.
/// Every action is checked against the current stage and answered; nothing is dropped silently.
/// </summary>
public sealed class CoordinatorApi(CoordinatorAuth auth, ReadModel readModel, ReviewStore reviews, ReportStore reports, CallCatalog catalog, TimeProvider time, ILogger<CoordinatorApi> log)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var q = request.Query;
        Stage? stage = null;
        if (q["stage"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<Stage>(s, ignoreCase: true, out var parsed))
            {
                return Invalid(request, "stage", $"Onbekende fase \"{s}\". Kies uit: {string.Join(", ", Enum.GetNames<Stage>())}.", $"Unknown stage \"{s}\". Choose from: {string.Join(", ", Enum.GetNames<Stage>())}.");
            }

            stage = parsed;
        }

        if (q["continuationToken"].ToString() is { Length: > 0 } token && !ListIndex.IsContinuation(token))
        {
            return Invalid(request, "continuationToken", "Deze vervolgcode komt niet van een eerdere pagina. Laat hem weg om bij het begin te beginnen.", "This continuation token does not come from an earlier page. Leave it out to start at the beginning.");
        }

        var pageSize = int.TryParse(q["pageSize"], out var size) ? Math.Clamp(size, 1, 200) : 50;
        var now = time.GetUtcNow();
        var (items, continuation) = await readModel.PageAsync(q["callId"], stage, q["overdue"] == "true", now, pageSize, NullIfEmpty(q["continuationToken"]), cancellationToken);
        return Results.Json(new CoordinatorListPage(
            [.. items.Select(v => new CoordinatorListItem(v.Id, v.CallId, v.Title, v.InitiativeName, v.Stage.ToString(), v.WaitingOn.ToWire(), v.NextDeadline, v.NextDeadline < now, v.Round, v.UpdatedAt))],
            continuation));
    }

    public async Task<IResult> DetailAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return Problems.NotFound(Problems.LanguageOf(request));
        }

        var timeline = await readModel.GetTimelineAsync(id, cancellationToken);
        return Results.Json(new CoordinatorDetail(
            view.Id,
            view.CallId,
            view.Title,
            view.Summary,
            view.InitiativeName,
            view.Stage.ToString(),
            view.WaitingOn.ToWire(),
            view.NextDeadline,
            view.Round,
            view.ResidentContact,
            view.WelfareOrganisation,
            view.WelfareContact,
            view.Municipality,
            view.BudgetRequested,
            view.SubmittedAt,
            new CoordinatorPlan(view.Plan.Version, view.Plan.Blob is not null, view.Plan.Text is not null),
            [.. (await reviews.ListAsync(id, cancellationToken)).Select(r => new CoordinatorReview(r.Round, r.ReviewerId, r.Name, r.InvitedAt, r.Decision?.ToString(), r.Comment, r.DecidedAt, r.Reassigned))],
            [.. (await reports.ListAsync(id, cancellationToken)).Select(r => new CoordinatorReport(r.Number, r.Final, r.Due, r.Status.ToString(), r.Comment))],
            timeline));
    }

    public Task<IResult> ExtendDeadlineAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            var errors = new Dictionary<string, string[]>();
            var now = time.GetUtcNow();
            if (!DateTimeOffset.TryParse(body.GetValueOrDefault("deadline"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            {
                errors["deadline"] = [Problems.Pick(lang, "Geef een datum en tijd in ISO 8601, zoals 2026-12-31T17:00:00+01:00.", "Give a date and time in ISO 8601, such as 2026-12-31T17:00:00+01:00.")];
            }
            else if (deadline <= now)
            {
                errors["deadline"] = [Problems.Pick(lang, "De nieuwe deadline moet in de toekomst liggen.", "The new deadline must be in the future.")];
            }

            var reason = body.GetValueOrDefault("reason", "").Trim();
            if (reason.Length is 0 or > 500)
            {
                errors["reason"] = [Problems.Pick(lang, "Geef een reden (hoogstens 500 tekens).", "Give a reason (at most 500 characters).")];
            }

            if (errors.Count > 0)
            {
                return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer de invoer", "Please check the input"), Problems.Pick(lang, "Niet alles is goed ingevuld.", "Some fields need attention."), errors);
            }

            if (Active(view) is not { } target)
            {
                return WrongStage(lang, view, Problems.Pick(lang, "er loopt nu geen deadline", "no deadline is running now"));
            }

            await durable.RaiseEventAsync(target, Events.DeadlineExtended, new DeadlineExtended(deadline, reason, now), cancellationToken);
            await readModel.SetDeadlineAsync(id, deadline, cancellationToken);
            await readModel.AppendAsync(id, new TimelineEntry(now, "DeadlineExtended", $"Het fondsbureau verzette de deadline naar {deadline:u}: {reason}") { Id = $"DeadlineExtended-{now.UtcTicks}", Actor = who }, cancellationToken);
            return Results.Json(new DeadlineAccepted(id, deadline, reason), statusCode: StatusCodes.Status202Accepted);
        });

    public Task<IResult> RemindAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            if (Active(view) is not { } target)
            {
                return WrongStage(lang, view, Problems.Pick(lang, "er wordt nu op niemand gewacht", "nobody is being waited on now"));
            }

            await durable.RaiseEventAsync(target, Events.RemindNow, new RemindNow(time.GetUtcNow()), cancellationToken);
            return Results.Json(new ReminderAccepted(id, view.WaitingOn.ToWire()), statusCode: StatusCodes.Status202Accepted);
        });

    public Task<IResult> ReassignAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            if (view.Stage != Stage.InReview || view.Round == 0)
            {
                return WrongStage(lang, view, Problems.Pick(lang, "er loopt geen beoordelingsronde", "no review round is running"));
            }

            var from = body.GetValueOrDefault("from", "");
            var to = catalog.Panel.Reviewers.FirstOrDefault(r => r.Id == body.GetValueOrDefault("to"));
            var current = await reviews.GetAsync(id, view.Round, from, cancellationToken);
            var errors = new Dictionary<string, string[]>();
            if (current is null || current.Reassigned)
            {
                errors["from"] = [Problems.Pick(lang, "Deze beoordelaar zit niet in de huidige ronde.", "This reviewer is not in the current round.")];
            }
            else if (current.Decision is not null)
            {
                errors["from"] = [Problems.Pick(lang, "Deze beoordelaar heeft al besloten.", "This reviewer has already decided.")];
            }

            if (to is null)
            {
                errors["to"] = [Problems.Pick(lang, "Onbekende beoordelaar.", "Unknown reviewer.")];
            }
            else if (to.HasConflictWith(view.WelfareOrganisation))
            {
                errors["to"] = [Problems.Pick(lang, "Deze beoordelaar werkt bij de welzijnsorganisatie van de aanvraag.", "This reviewer works for the application's welfare organisation.")];
            }
            else if (await reviews.GetAsync(id, view.Round, to.Id, cancellationToken) is { Reassigned: false })
            {
                errors["to"] = [Problems.Pick(lang, "Deze beoordelaar zit al in de ronde.", "This reviewer is already in the round.")];
            }

            if (errors.Count > 0)
            {
                return Problems.Create(422, "invalid-reassignment", Problems.Pick(lang, "Wissel niet mogelijk", "Reassignment not possible"), Problems.Pick(lang, "Bij elk veld staat waarom.", "Each field says why."), errors);
            }

            await durable.RaiseEventAsync(Events.RoundInstance(id, view.Round), Events.ReviewerReassigned, new ReviewerReassigned(from, to!.Id, time.GetUtcNow()), cancellationToken);
            return Results.Json(new ReassignmentAccepted(id, view.Round, from, to.Id), statusCode: StatusCodes.Status202Accepted);
        });

    public Task<IResult> CancelAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            var reason = body.GetValueOrDefault("reason", "").Trim();
            if (reason.Length is 0 or > 500)
            {
                return Invalid(request, "reason", "Geef een reden (hoogstens 500 tekens).", "Give a reason (at most 500 characters).");
            }

            await durable.RaiseEventAsync(id, Events.Cancelled, new Cancelled(reason, time.GetUtcNow()), cancellationToken);
            return Results.Json(new CancellationAccepted(id, "cancel", reason), statusCode: StatusCodes.Status202Accepted);
        });

    /// <summary>
    /// A coordinator replaces a contact, with a reason that goes into the timeline: the way a side that lost
    /// access to its email gets back in, and the only way one side's contact changes without their own link.
    /// </summary>
    public Task<IResult> ChangeContactAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            var (role, next, errors) = ContactChange.Read(body, lang);
            var reason = body.GetValueOrDefault("reason", "").Trim();
            if (reason.Length is 0 or > 500)
            {
                errors["reason"] = [Problems.Pick(lang, "Geef een reden (hoogstens 500 tekens).", "Give a reason (at most 500 characters).")];
            }

            if (errors.Count > 0)
            {
                return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer de invoer", "Please check the input"), Problems.Pick(lang, "Niet alles is goed ingevuld.", "Some fields need attention."), errors);
            }

            var previous = view.ContactFor(role!.Value);
            await readModel.ChangeContactAsync(id, role.Value, next!, null, cancellationToken);
            var now = time.GetUtcNow();
            await readModel.AppendAsync(id, new TimelineEntry(now, "ContactReplaced", $"Het fondsbureau heeft de contactpersoon vervangen: {reason}") { Id = $"ContactReplaced-{now.UtcTicks}", Actor = who }, cancellationToken);
            await durable.RaiseEventAsync(id, Events.ContactsChanged, new ContactsChanged(role.Value, previous, next!, now), cancellationToken);
            return Results.Json(new ContactReplacementAccepted(id, role.Value.ToString().ToLowerInvariant(), next!.Name, next.Email, reason), statusCode: StatusCodes.Status202Accepted);
        });

    public Task<IResult> JudgeReportAsync(HttpRequest request, string id, int number, bool accepted, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(request, id, cancellationToken, async (who, view, body, lang) =>
        {
            var report = await reports.GetAsync(id, number, cancellationToken);
            if (view.Stage != Stage.Monitoring || report is not { Status: ReportStatus.Submitted })
            {
                return WrongStage(lang, view, Problems.Pick(lang, $"verslag {number} ligt niet ter beoordeling", $"report {number} is not awaiting assessment"));
            }

            var comment = body.GetValueOrDefault("comment", "").Trim();
            if (!accepted && comment.Length == 0)
            {
                return Invalid(request, "comment", "Schrijf wat er aangevuld moet worden.", "Say what should be added.");
            }

            await durable.RaiseEventAsync(Events.ReportInstance(id, number), Events.ReportReviewed, new ReportReviewed(number, accepted, comment, time.GetUtcNow()), cancellationToken);
            return Results.Json(new ReportJudgementAccepted(id, number, accepted), statusCode: StatusCodes.Status202Accepted);
        });

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The action reads best as the last argument at every call site.")]
    async Task<IResult> ActAsync(HttpRequest request, string id, CancellationToken cancellationToken, Func<string, ApplicationView, Dictionary<string, string>, string, Task<IResult>> act)
    {
        // The API takes JSON only and never another site's request: a browser that holds a coordinator's
        // session (or, long ago, their Basic credentials) cannot be made to act by a page elsewhere. The
        // coordinator's own pages come in on /coordinator/..., with their own CSRF token.
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (CrossSite.IsCrossSite(request))
            {
                Logs.CrossSiteRefused(log, request.Path);
                return CrossSite.Refused(request);
            }

            if (!CrossSite.IsJson(request))
            {
                var l = Problems.LanguageOf(request);
                return Problems.Create(415, "json-only", Problems.Pick(l, "Stuur JSON", "Send JSON"),
                    Problems.Pick(l, "Deze API neemt alleen een JSON-body aan (Content-Type: application/json), ook als die leeg is: {}. Er is niets veranderd.",
                        "This API accepts only a JSON body (Content-Type: application/json), even an empty one: {}. Nothing has changed."));
            }
        }

        var (who, denied) = await auth.AuthenticateAsync(request);
        if (denied is not null)
        {
            return denied;
        }

        var lang = Problems.LanguageOf(request);
        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return Problems.NotFound(lang);
        }

        if (view.Stage.IsFinal())
        {
            await readModel.AppendAsync(id, new TimelineEntry(time.GetUtcNow(), "Refused", "Een actie van het fondsbureau op de afgesloten aanvraag is geweigerd") { Id = $"Refused-{time.GetUtcNow().UtcTicks}", Actor = $"{who} ({request.Path})" }, cancellationToken);
            return WrongStage(lang, view, Problems.Pick(lang, "de aanvraag is afgesloten", "the application is closed"));
        }

        if (await RequestFields.ReadAsync(request, cancellationToken) is not { } body)
        {
            return Problems.Create(400, "malformed-json", Problems.Pick(lang, "Onleesbare invoer", "Unreadable input"), Problems.Pick(lang, "De JSON in het verzoek is niet geldig.", "The request's JSON is not valid."));
        }

        return await act(who!, view, body, lang);
    }

    /// <summary>The instance whose timer the application is waiting on, as the orchestrations recorded it.</summary>
    static string? Active(ApplicationView view) => view.Stage switch
    {
        Stage.InReview when view.Round > 0 => Events.RoundInstance(view.Id, view.Round),
        Stage.ChangesRequested or Stage.Monitoring when !string.IsNullOrEmpty(view.ActiveInstance) => view.ActiveInstance,
        _ => null,
    };

    static IResult WrongStage(string lang, ApplicationView view, string why) => Problems.Create(409, "wrong-stage",
        Problems.Pick(lang, "Past niet bij de fase", "Does not fit the stage"),
        Problems.Pick(lang, $"Dit kan nu niet: {why}. De aanvraag is in de fase \"{StageText.For(view.Stage, lang)}\".", $"Not possible now: {why}. The application is at the stage \"{StageText.For(view.Stage, lang)}\"."),
        extensions: new Dictionary<string, object?> { ["stage"] = view.Stage.ToString() });

    static IResult Invalid(HttpRequest request, string field, string nl, string en)
    {
        var lang = Problems.LanguageOf(request);
        return Problems.Create(400, "invalid-fields", Problems.Pick(lang, "Controleer de invoer", "Please check the input"), Problems.Pick(lang, nl, en),
            new Dictionary<string, string[]> { [field] = [Problems.Pick(lang, nl, en)] });
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
