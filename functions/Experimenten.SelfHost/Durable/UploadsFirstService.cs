using DurableTask.Core;
using DurableTask.Core.Query;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// While the <see cref="FrontDoor"/> is receiving an upload, the backend starts no new orchestration step or
/// activity until the uploads are in, or until <paramref name="longestPause"/> has passed — so a long burst
/// still moves on, one step per pause. The waiting work stays in its queues, durably: stopping the host
/// loses nothing. Measured with bench/submit: without this, a burst's screening, emails and invitations
/// took the cores the next submissions needed. Azure Functions needs nothing like it: HTTP and durable
/// work scale out there.
/// </summary>
sealed class UploadsFirstService<T>(T inner, FrontDoor frontDoor, TimeSpan longestPause) : OrchestrationServiceDecorator<T>(inner)
    where T : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await WaitTurnAsync(cancellationToken);
        return await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    }

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await WaitTurnAsync(cancellationToken);
        return await base.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    }

    async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (frontDoor.IsBusy && longestPause > TimeSpan.Zero)
        {
            await Task.WhenAny(frontDoor.WhenQuiet(), Task.Delay(longestPause, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
