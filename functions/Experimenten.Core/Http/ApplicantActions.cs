using Experimenten.Commands.Applicant;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Http;

/// <summary>
/// <c>POST /api/applications/{id}/withdraw|contacts?token=…</c>: what applicants do through their signed status
/// link, as JSON. Only reads the request and maps the outcome of <see cref="ApplicantCommands"/>.
/// </summary>
public sealed class ApplicantActions(ApplicantCommands commands)
{
    public async Task<IResult> WithdrawAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestFields.ReadAsync(request, cancellationToken) is not { } body)
        {
            return Unreadable(request);
        }

        var command = new WithdrawApplication(Token(request), id, body.GetValueOrDefault("reason", ""), Problems.LanguageOf(request));
        return Answer(await commands.WithdrawAsync(command, durable, cancellationToken));
    }

    public async Task<IResult> ChangeContactAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestFields.ReadAsync(request, cancellationToken) is not { } body)
        {
            return Unreadable(request);
        }

        var command = new HandOverContact(Token(request), id, body, Problems.LanguageOf(request));
        return Answer(await commands.HandOverAsync(command, durable, cancellationToken));
    }

    /// <summary>A body that is not JSON or a form, or too large, changes nothing: it never counts as "no fields" (a withdrawal without a reason).</summary>
    static IResult Unreadable(HttpRequest request)
    {
        var lang = Problems.LanguageOf(request);
        return Problems.Create(StatusCodes.Status400BadRequest, "malformed-body", Problems.Text(lang, "Body.Unreadable.Title"), Problems.Text(lang, "Body.Unreadable.Detail"));
    }

    static string Token(HttpRequest request) => request.Query["token"].ToString();

    static IResult Answer<T>(Commands.Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : Results.Json(outcome.Value, statusCode: StatusCodes.Status202Accepted);
}
