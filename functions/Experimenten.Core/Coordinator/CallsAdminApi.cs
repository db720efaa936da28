using System.Text.Json;
using System.Text.Json.Nodes;
using Experimenten.Calls;
using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Coordinator;

/// <summary>
/// The coordinator API for calls and the review panel, for integrators: a call's body has the shape of
/// <c>seeds/calls.json</c>; a change names the version it was made from (<c>version</c>), so two coordinators never
/// overwrite each other unseen. Reads need a coordinator; writes also refuse another site and anything but JSON,
/// like every coordinator action.
/// </summary>
public sealed class CallsAdminApi(CoordinatorAuth auth, CallStore calls, CallCatalog catalog, CallCommands callCommands, PanelCommands panelCommands, TimeProvider time, IStringLocalizer<CoordinatorText> text)
{
    /// <summary>A call's body is a few kilobytes of text; anything much larger is not a call.</summary>
    const int MaxBody = 64 * 1024;

    public async Task<IResult> ListCallsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var now = time.GetUtcNow();
        return Results.Json((await calls.ListAsync(cancellationToken)).OrderBy(c => c.OpensAt).Select(c => CallBody.Of(c, now)).ToList());
    }

    public async Task<IResult> GetCallAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        return CallInput.IsId(id) && await calls.GetAsync(id, cancellationToken) is { } call
            ? Results.Json(CallBody.Of(call, time.GetUtcNow()))
            : CallNotFound(request);
    }

    public async Task<IResult> CallHistoryAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        return CallInput.IsId(id) && await callCommands.HistoryAsync(id, cancellationToken) is { } history
            ? Results.Json(history)
            : CallNotFound(request);
    }

    public async Task<IResult> CreateCallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await callCommands.SaveAsync(new SaveCall(null, call.Fields, 0, call.By, call.Language), cancellationToken);
        return outcome.Refusal is { } refusal
            ? OutcomeResults.Problem(refusal)
            : Results.Json(CallBody.Of(outcome.Value!, time.GetUtcNow()), statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> ChangeCallAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!CallInput.IsId(id))
        {
            return CallNotFound(request);
        }

        if (!int.TryParse(call.Fields.GetValueOrDefault("version"), out var version) || version < 1)
        {
            using var _ = TextCulture.Use(call.Language);
            var message = text["Problem.CallVersion"].Value;
            return Problems.Create(StatusCodes.Status428PreconditionRequired, "call-version-missing", text["Problem.Invalid.Title"], message, new Dictionary<string, string[]> { ["version"] = [message] });
        }

        return Answer(await callCommands.SaveAsync(new SaveCall(id, call.Fields, version, call.By, call.Language), cancellationToken));
    }

    public async Task<IResult> PreviewCallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var preview = await callCommands.PreviewAsync(call.Fields, null, call.Language, cancellationToken);
        if (preview.Call is null)
        {
            using var _ = TextCulture.Use(call.Language);
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid-call", text["Problem.Invalid.Title"], text["Problem.CallInvalid.Detail"], new Dictionary<string, string[]>(preview.Errors));
        }

        return Results.Json(new CallPreviewBody(CallBody.Of(preview.Call, time.GetUtcNow()), preview.Schedule));
    }

    public async Task<IResult> ChangeCallWindowAsync(HttpRequest request, string id, bool open, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return CallInput.IsId(id) ? Answer(await callCommands.ChangeWindowAsync(new ChangeCallWindow(id, open, call.By, call.Language), cancellationToken)) : CallNotFound(request);
    }

    public async Task<IResult> ListReviewersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        return Results.Json((await catalog.GetAsync(cancellationToken)).Panel.Reviewers.Select(ReviewerBody.Of).ToList());
    }

    public async Task<IResult> SaveReviewerAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await panelCommands.SaveAsync(new SaveReviewer(id, call.Fields, call.By, call.Language), cancellationToken);
        return outcome.Refusal is { } refusal
            ? OutcomeResults.Problem(refusal)
            : Results.Json(ReviewerBody.Of(outcome.Value!), statusCode: id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public async Task<IResult> ChangeReviewerStatusAsync(HttpRequest request, string id, string status, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var to = status switch { "pause" => ReviewerStatus.Paused, "remove" => ReviewerStatus.Removed, _ => ReviewerStatus.Active };
        var outcome = await panelCommands.ChangeStatusAsync(new ChangeReviewerStatus(id, to, call.By, call.Language), durable, cancellationToken);
        return outcome.Refusal is { } refusal
            ? OutcomeResults.Problem(refusal)
            : Results.Json(new ReviewerStatusBody(ReviewerBody.Of(outcome.Value!.Reviewer), outcome.Value.Rounds));
    }

    IResult Answer(Outcome<Call> outcome) =>
        outcome.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : Results.Json(CallBody.Of(outcome.Value!, time.GetUtcNow()));

    IResult CallNotFound(HttpRequest request)
    {
        using var _ = TextCulture.Use(Problems.LanguageOf(request));
        return Problems.Create(StatusCodes.Status404NotFound, "call-not-found", text["Problem.NotFound.Title"], text["Problem.NotFound.Detail"]);
    }

    /// <summary>The caller, and the JSON body as flat fields (<see cref="CallFields.Flatten"/>), or why the request is refused.</summary>
    async Task<(ApiCall Call, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        using var _ = TextCulture.Use(lang);
        if (CrossSite.IsCrossSite(request))
        {
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

        JsonObject? body = null;
        if (request.ContentLength is null or <= MaxBody)
        {
            try
            {
                using var limited = new MemoryStream();
                var buffer = new byte[8192];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0 && limited.Length <= MaxBody)
                {
                    limited.Write(buffer, 0, read);
                }

                body = limited.Length is 0 ? [] : limited.Length > MaxBody ? null : JsonNode.Parse(limited.ToArray()) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        if (body is null)
        {
            return (ApiCall.None, Problems.Create(400, "malformed-json", text["Problem.Malformed.Title"], text["Problem.Malformed.Detail"]));
        }

        return (new ApiCall(who!, CallFields.Flatten(body), lang), null);
    }

    readonly record struct ApiCall(string By, Dictionary<string, StringValues> Fields, string Language)
    {
        public static readonly ApiCall None = new("", [], "");
    }
}

/// <summary>A reviewer as the API shows it.</summary>
public sealed record ReviewerBody(string Id, string Name, string Email, IReadOnlyList<string> Organisations, string Language, string Status)
{
    public static ReviewerBody Of(Reviewer reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return new(reviewer.Id, reviewer.Name, reviewer.Email, reviewer.Organisations, reviewer.Language, reviewer.Status.ToString().ToLowerInvariant());
    }
}
