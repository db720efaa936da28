using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Experimenten.Http;
using Experimenten.Pages.Applicant;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Submission;

/// <summary>
/// <c>POST /api/applications</c>: the request read into a command, the command to the service, the outcome as
/// JSON (202 or a problem) or, for the form's plain (no-JavaScript) post, as a page.
/// </summary>
public sealed class SubmissionHandler(SubmissionParser parser, SubmissionService submissions, RateLimits limits, FormHandler form)
{
    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = await parser.ParseAsync(request, cancellationToken);
        if (parsed.Command is not { Value: { } command })
        {
            return await RefusedAsync(request, parsed, parsed.Command.Refusal!);
        }

        var call = await submissions.CheckAsync(command, cancellationToken);
        if (call is not { Value: { } open })
        {
            return await RefusedAsync(request, parsed, call.Refusal!);
        }

        // Counted only now, for a form that would be accepted: refusals cost an address nothing.
        if (limits.RefuseContacts(request, parsed.Language, command.Application) is { } tooMany)
        {
            return await RefusedAsync(request, parsed, tooMany);
        }

        var outcome = await submissions.SubmitAsync(command, open, durable, cancellationToken);
        if (outcome is not { Value: { } submitted })
        {
            return await RefusedAsync(request, parsed, outcome.Refusal!);
        }

        return parsed.WantsPage
            ? form.Accepted(parsed.Language, submitted)
            : Results.Json(new SubmissionAccepted(submitted.Id, submitted.Stage.ToString(), submitted.StatusUrl), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>A problem for an API client; for the form's post, the form again with every value and each error.</summary>
    async Task<IResult> RefusedAsync(HttpRequest request, SubmissionRequest parsed, Refusal refusal) =>
        parsed.WantsPage
            ? await form.FormAsync(request, parsed.Language, FormState.From(parsed.Form, refusal.Errors, refusal.Title, refusal.Detail), OutcomeResults.StatusOf(refusal), request.HttpContext.RequestAborted)
            : OutcomeResults.Problem(refusal);
}

public sealed record SubmissionAccepted(string Id, string Stage, string StatusUrl);
