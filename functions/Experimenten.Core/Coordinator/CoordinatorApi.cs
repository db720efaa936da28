using System.Globalization;
using Experimenten.Commands;
using Experimenten.Commands.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Experimenten.Coordinator;

/// <summary>
/// The coordinator API (design §5) in JSON: the list and detail from the read model, and the actions, which
/// read the body into a command for <see cref="CoordinatorActions"/> and answer its outcome (202 or a problem).
/// </summary>
public sealed partial class CoordinatorApi(CoordinatorAuth auth, CoordinatorActions actions, PrivacyActions privacy, ReadModel readModel, ReviewStore reviews, ReportStore reports, TimeProvider time, IStringLocalizer<CoordinatorText> text, ILogger<CoordinatorApi> log)
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
                return Invalid(request, "stage", "Problem.Stage.Unknown", s, string.Join(", ", Enum.GetNames<Stage>()));
            }

            stage = parsed;
        }

        if (q["continuationToken"].ToString() is { Length: > 0 } token && !ListIndex.IsContinuation(token))
        {
            return Invalid(request, "continuationToken", "Problem.Continuation");
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
            using var _ = TextCulture.Use(Problems.LanguageOf(request));
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", text["Problem.NotFound.Title"], text["Problem.NotFound.Detail"]);
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
            timeline)
        {
            ConsentVersion = view.ConsentVersion,
        });
    }

    public async Task<IResult> ExtendDeadlineAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.ExtendDeadlineAsync(
            new ExtendDeadline(id, ParseMoment(call.Body.GetValueOrDefault("deadline")), call.Body.GetValueOrDefault("reason", ""), call.By, call.Language), durable, cancellationToken));
    }

    public async Task<IResult> RemindAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.RemindAsync(new SendReminder(id, call.By, call.Language), durable, cancellationToken));
    }

    public async Task<IResult> ReassignAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.ReassignAsync(
            new ReassignReviewer(id, call.Body.GetValueOrDefault("from", ""), call.Body.GetValueOrDefault("to", ""), call.By, call.Language), durable, cancellationToken));
    }

    public async Task<IResult> CancelAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.CancelAsync(new CancelApplication(id, call.Body.GetValueOrDefault("reason", ""), call.By, call.Language), durable, cancellationToken));
    }

    /// <summary>A coordinator replaces a contact, with a reason that goes into the timeline (see <see cref="CoordinatorActions.ReplaceContactAsync"/>).</summary>
    public async Task<IResult> ChangeContactAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.ReplaceContactAsync(new ReplaceContact(id, call.Body, call.Body.GetValueOrDefault("reason", ""), call.By, call.Language), durable, cancellationToken));
    }

    public async Task<IResult> JudgeReportAsync(HttpRequest request, string id, int number, bool accepted, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await actions.JudgeReportAsync(new JudgeReport(id, number, accepted, call.Body.GetValueOrDefault("comment", ""), call.By, call.Language), durable, cancellationToken));
    }

    /// <summary>An ISO 8601 moment with its offset; null for anything else (the command says what is wrong).</summary>
    static DateTimeOffset? ParseMoment(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;

    static IResult Answer<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : Results.Json(outcome.Value, statusCode: StatusCodes.Status202Accepted);

    /// <summary>The caller and the body's fields, or why the request is refused before any command.</summary>
    async Task<(ApiCall Call, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        using var _ = TextCulture.Use(lang);

        // The API takes JSON only and never another site's request: a browser that holds a coordinator's
        // session (or, long ago, their Basic credentials) cannot be made to act by a page elsewhere. The
        // coordinator's own pages come in on /coordinator/..., with their own CSRF token.
        if (CrossSite.IsCrossSite(request))
        {
            Logs.CrossSiteRefused(log, request.Path);
            return (ApiCall.None, CrossSite.Refused(request));
        }

        if (!CrossSite.IsJson(request))
        {
            return (ApiCall.None, Problems.Create(415, "json-only", text["Problem.JsonOnly.Title"], text["Problem.JsonOnly.Detail"]));
        }

        var (who, denied) = await auth.AuthenticateAsync(request);
        if (denied is not null)
        {
            return (ApiCall.None, denied);
        }

        if (await RequestFields.ReadAsync(request, cancellationToken) is not { } body)
        {
            return (ApiCall.None, Problems.Create(400, "malformed-json", text["Problem.Malformed.Title"], text["Problem.Malformed.Detail"]));
        }

        return (new ApiCall(new CoordinatorActor(who!, request.Path), body, lang), null);
    }

    IResult Invalid(HttpRequest request, string field, string key, params object[] arguments)
    {
        using var _ = TextCulture.Use(Problems.LanguageOf(request));
        var message = text[key, arguments].Value;
        return Problems.Create(400, "invalid-fields", text["Problem.Invalid.Title"], message, new Dictionary<string, string[]> { [field] = [message] });
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    readonly record struct ApiCall(CoordinatorActor By, Dictionary<string, string> Body, string Language)
    {
        public static readonly ApiCall None = new(new CoordinatorActor("", ""), [], "");
    }
}
