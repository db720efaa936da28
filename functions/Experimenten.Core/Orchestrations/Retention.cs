using Experimenten.Activities;
using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <param name="KeepUntil">The end of the call's retention period after the application's end (<see cref="Domain.RetentionSettings"/>).</param>
public sealed record RetentionInput(string ApplicationId, DateTimeOffset KeepUntil);

/// <summary>
/// ORCHESTRATOR — one per ended application (instance id <c>{applicationId}:retention</c>), started by the
/// lifecycle's last step: a durable timer until the retention period is over, then the application is
/// erased (<see cref="EraseApplication"/>): its instances, rows, files and mail, all but one anonymous
/// statistics row. A timer, not a nightly scan: it fires on time on both hosts and survives every restart.
/// </summary>
public sealed class Retention : TaskOrchestrator<RetentionInput, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        OrchestrationVersions.Require(context);

        // Long periods are split into shorter timers by the SDK (MaximumTimerInterval), on both hosts.
        await context.CreateTimer(input.KeepUntil.UtcDateTime, CancellationToken.None);
        return await context.CallActivityAsync<bool>(nameof(EraseApplication), new ErasureOrder(input.ApplicationId, context.InstanceId), Retries.Activity);
    }
}
