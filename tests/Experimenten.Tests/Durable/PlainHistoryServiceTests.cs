using DurableTask.Core;
using DurableTask.Core.History;
using Experimenten.SelfHost.Durable;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Experimenten.Tests.Durable;

/// <summary>
/// Upstream: the embedded sidecar (Microsoft.DurableTask.InProcessTestHost) records a sub-orchestration's start as
/// its own subclass of SubOrchestrationInstanceCreatedEvent; DurableTask.AzureStorage's history writer does not know
/// that type, stores an empty row, and the parent can never be loaded again. The repair hands the backend the plain event.
/// </summary>
public sealed class PlainHistoryServiceTests
{
    [Fact]
    public async Task A_sidecar_subclass_of_the_sub_orchestration_event_reaches_the_backend_as_the_plain_event()
    {
        var backend = new Capture();
        var service = new PlainHistoryService<Capture>(backend);
        var state = new OrchestrationRuntimeState([new ExecutionStartedEvent(-1, "{}") { Name = "Parent", OrchestrationInstance = new OrchestrationInstance { InstanceId = "p", ExecutionId = "e" } }]);
        state.AddEvent(new SidecarSubOrchestrationCreated(3) { Name = "ReviewRound", InstanceId = "p:review:1", Input = "{\"round\":1}", Version = "" });

        await service.CompleteTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem(), state, [], [], [], null!, new OrchestrationState());

        var written = Assert.Single(backend.Written!.Events.OfType<SubOrchestrationInstanceCreatedEvent>());
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), written.GetType());
        Assert.Equal(("ReviewRound", "p:review:1", "{\"round\":1}", 3), (written.Name, written.InstanceId, written.Input, written.EventId));
    }

    [Fact]
    public async Task A_history_without_such_an_event_passes_through_as_it_is()
    {
        var backend = new Capture();
        var state = new OrchestrationRuntimeState([new ExecutionStartedEvent(-1, "{}") { Name = "Parent", OrchestrationInstance = new OrchestrationInstance { InstanceId = "p", ExecutionId = "e" } }]);

        await new PlainHistoryService<Capture>(backend).CompleteTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem(), state, [], [], [], null!, new OrchestrationState());

        Assert.Same(state, backend.Written);
    }

    /// <summary>Stands for the sidecar's own subclass of the event.</summary>
    sealed class SidecarSubOrchestrationCreated(int eventId) : SubOrchestrationInstanceCreatedEvent(eventId);

    /// <summary>The backend: keeps what it was asked to write.</summary>
    sealed class Capture() : OrchestrationServiceDecorator<InMemoryOrchestrationService>(new InMemoryOrchestrationService(NullLoggerFactory.Instance))
    {
        public OrchestrationRuntimeState? Written { get; private set; }

        public override Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
        {
            Written = newOrchestrationRuntimeState;
            return Task.CompletedTask;
        }
    }
}
