using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// Passes everything through to the Azure Storage backend, except one repair: the embedded sidecar
/// records a sub-orchestration's start as its own subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/>,
/// which the backend's history table writer does not know — it stored an empty row and the parent
/// could never be loaded again (found while building review rounds). Such events are written as the
/// plain DurableTask.Core event, as Durable Functions writes them.
/// </summary>
sealed class PlainHistoryService<T>(T inner) : OrchestrationServiceDecorator<T>(inner)
    where T : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public override Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        base.CompleteTaskOrchestrationWorkItemAsync(workItem, Plain(newOrchestrationRuntimeState), outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    static OrchestrationRuntimeState Plain(OrchestrationRuntimeState state)
    {
        if (state is null || !state.Events.Any(IsSubclassed))
        {
            return state!;
        }

        var plain = new OrchestrationRuntimeState(state.PastEvents.Select(Plain).ToList());
        foreach (var e in state.NewEvents)
        {
            plain.AddEvent(Plain(e));
        }

        return plain;
    }

    static bool IsSubclassed(HistoryEvent e) => e is SubOrchestrationInstanceCreatedEvent && e.GetType() != typeof(SubOrchestrationInstanceCreatedEvent);

    static HistoryEvent Plain(HistoryEvent e) => IsSubclassed(e) && e is SubOrchestrationInstanceCreatedEvent s
        ? new SubOrchestrationInstanceCreatedEvent(s.EventId)
        {
            Name = s.Name,
            Version = s.Version,
            InstanceId = s.InstanceId,
            Input = s.Input,
            Timestamp = s.Timestamp,
            IsPlayed = s.IsPlayed,
        }
        : e;
}
