using Experimenten.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Experimenten.Activities;

/// <summary>
/// Starts the application's <see cref="Retention"/> instance once, from the lifecycle's last step. An activity,
/// because an orchestrator cannot start an instance that outlives it; the durable client comes from the
/// host (the self-host's services, the Functions binding).
/// </summary>
public sealed class StartRetention(DurableTaskClient durable) : TracedActivity<RetentionInput, bool>
{
    protected override string ApplicationId(RetentionInput input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, RetentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var instance = Events.RetentionInstance(input.ApplicationId);

        // A retried activity finds the instance it started the first time. One that finished belongs to an earlier
        // application of the same id (a replayed idempotency key after an erasure): it goes, and a new one starts.
        if (await durable.GetInstanceAsync(instance, getInputsAndOutputs: false, CancellationToken.None) is { } existing)
        {
            if (existing.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
            {
                return true;
            }

            await durable.PurgeInstanceAsync(instance, CancellationToken.None);
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(Retention), input,
                new StartOrchestrationOptions(instance) { Version = OrchestrationVersions.Current }, CancellationToken.None);
        }
        catch (Exception)
        {
            // Started meanwhile by a retry that overlapped this one: that is fine; anything else is retried.
            if (await durable.GetInstanceAsync(instance, getInputsAndOutputs: false, CancellationToken.None) is null)
            {
                throw;
            }
        }

        return true;
    }
}
