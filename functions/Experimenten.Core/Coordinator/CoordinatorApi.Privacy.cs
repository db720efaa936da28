using Experimenten.Commands.Coordinator;
using Experimenten.Http;
using Experimenten.Pages.Reviewer;
using Experimenten.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Coordinator;

// The AVG part of the coordinator API: export, erase, the audit log, the data requests. The actions take a JSON body
// like every other coordinator action (so no other site can send them); GET only reads.
public sealed partial class CoordinatorApi
{
    /// <summary><c>POST …/{id}/export</c> with <c>{}</c>: the zip (<see cref="ApplicationExport"/>), recorded in the audit log.</summary>
    public async Task<IResult> ExportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await privacy.ExportAsync(new ExportApplication(id, call.By, call.Language), cancellationToken);
        return outcome.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : new DownloadResult(outcome.Value!.Content, "application/zip", outcome.Value.FileName);
    }

    /// <summary><c>POST …/{id}/erase</c> with <c>{"reason": "…", "confirm": true}</c>: 200 with what was deleted.</summary>
    public async Task<IResult> EraseAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var confirmed = call.Body.GetValueOrDefault("confirm") is { } c && (c.Equals("true", StringComparison.OrdinalIgnoreCase) || c == "yes");
        var outcome = await privacy.EraseAsync(new EraseApplication(id, call.Body.GetValueOrDefault("reason", ""), confirmed, call.By, call.Language), durable, cancellationToken);
        return outcome.Refusal is { } refusal ? OutcomeResults.Problem(refusal) : Results.Json(outcome.Value);
    }

    /// <summary><c>POST …/{id}/data-requests/{key}/handled</c> with <c>{}</c>.</summary>
    public async Task<IResult> HandleDataRequestAsync(HttpRequest request, string id, string key, CancellationToken cancellationToken)
    {
        var (call, refused) = await ReadAsync(request, cancellationToken);
        return refused ?? Answer(await privacy.HandleDataRequestAsync(new HandleDataRequest(id, key, call.By, call.Language), cancellationToken));
    }

    /// <summary><c>GET /api/coordinator/data-requests</c>: every open request, oldest deadline first.</summary>
    public async Task<IResult> DataRequestsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var now = time.GetUtcNow();
        return Results.Json((await privacy.OpenRequestsAsync(cancellationToken))
            .Select(r => new OpenDataRequest(r.ApplicationId, r.Key, r.Role.ToString().ToLowerInvariant(), r.RequestedAt, r.Due, r.IsOverdue(now))).ToList());
    }

    /// <summary><c>GET /api/coordinator/audit</c>: the newest lines (at most 200), of one application with <c>applicationId</c>.</summary>
    public async Task<IResult> AuditAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var applicationId = request.Query["applicationId"].ToString();
        var lines = await privacy.AuditAsync(applicationId.Length > 0 ? applicationId : null, null, 200, cancellationToken);
        return Results.Json(lines.Select(l => new AuditLine(l.At, l.Actor, AuditLog.Name(l.Action), l.ApplicationId, l.Reason)).ToList());
    }
}
