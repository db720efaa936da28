using Experimenten.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Experimenten.Activities;

/// <param name="FromInstance">The retention instance that asks: it is running, so it is left for last (it holds only the id and a date).</param>
public sealed record ErasureOrder(string ApplicationId, string FromInstance);

/// <summary>What erases an application: its instances, rows, files and mail, all but the anonymous statistics row.</summary>
public interface IApplicationEraser
{
    Task EraseByRetentionAsync(string applicationId, string exceptInstanceId, DurableTaskClient durable, CancellationToken cancellationToken);
}

/// <summary>The retention period is over: everything about the application goes (<see cref="Retention"/>).</summary>
public sealed class EraseApplication(IApplicationEraser eraser, DurableTaskClient durable) : TracedActivity<ErasureOrder, bool>
{
    protected override string ApplicationId(ErasureOrder input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ErasureOrder input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await eraser.EraseByRetentionAsync(input.ApplicationId, input.FromInstance, durable, CancellationToken.None);
        return true;
    }
}
