using Experimenten.Orchestrations;
using Experimenten.Privacy;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Experimenten.Activities;

/// <param name="FromInstance">The retention instance that asks: it is running, so it is left for last (it holds only the id and a date).</param>
public sealed record ErasureOrder(string ApplicationId, string FromInstance);

/// <summary>The retention period is over: everything about the application goes but the anonymous statistics row (<see cref="Retention"/>).</summary>
public sealed class EraseApplication(ApplicationErasure erasure, DurableTaskClient durable) : TracedActivity<ErasureOrder, bool>
{
    protected override string ApplicationId(ErasureOrder input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ErasureOrder input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Gone already (a coordinator erased it meanwhile) is nothing to do: the erasure says so and returns.
        await erasure.EraseAsync(input.ApplicationId, ErasureCause.Retention, "retention", AuditLog.RetentionActor, durable, CancellationToken.None, input.FromInstance);
        return true;
    }
}
