using DurableTask.Core;
using DurableTask.Core.History;
using Experimenten.SelfHost.Durable;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Experimenten.Tests.Unit;

/// <summary>While a plan is being uploaded, the self-host's durable backend starts no new work, for at most a pause.</summary>
public sealed class UploadsFirstTests
{
    static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_front_door_is_quiet_only_when_the_last_upload_is_in()
    {
        var door = new FrontDoor();
        List<bool> changes = [];
        door.BusyChanged += changes.Add;
        Assert.True(door.WhenQuiet().IsCompleted);

        var first = door.Enter();
        var second = door.Enter();
        Assert.True(door.IsBusy);
        var quiet = door.WhenQuiet();

        first.Dispose();
        first.Dispose();
        Assert.False(quiet.IsCompleted, "one upload is still coming in");

        second.Dispose();
        Assert.True(quiet.IsCompleted);
        Assert.False(door.IsBusy);
        Assert.Equal([true, false], changes);
    }

    [Fact]
    public async Task A_slow_upload_holds_the_front_door_for_its_first_moments_only()
    {
        var door = new FrontDoor(TimeSpan.FromMilliseconds(300));
        using var slow = door.Enter();
        Assert.True(door.IsBusy);
        await door.WhenQuiet().WaitAsync(Soon);
        Assert.False(door.IsBusy);
    }

    [Fact]
    public async Task Work_waits_while_an_upload_comes_in_and_starts_when_it_is_in()
    {
        var door = new FrontDoor();
        var service = await ServiceWithOneStartAsync(door, TimeSpan.FromMinutes(1));

        var upload = door.Enter();
        var locking = service.LockNextTaskOrchestrationWorkItemAsync(Soon, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(locking.IsCompleted, "no work starts while the upload comes in");

        upload.Dispose();
        var item = await locking.WaitAsync(Soon);
        Assert.Equal("lifecycle-1", item.InstanceId);
    }

    [Fact]
    public async Task A_long_burst_of_uploads_holds_work_back_for_one_pause_at_most()
    {
        var door = new FrontDoor();
        var service = await ServiceWithOneStartAsync(door, TimeSpan.FromMilliseconds(200));

        using var burst = door.Enter();
        var item = await service.LockNextTaskOrchestrationWorkItemAsync(Soon, CancellationToken.None).WaitAsync(Soon);
        Assert.Equal("lifecycle-1", item.InstanceId);
    }

    static async Task<UploadsFirstService<InMemoryOrchestrationService>> ServiceWithOneStartAsync(FrontDoor door, TimeSpan pause)
    {
        var service = new UploadsFirstService<InMemoryOrchestrationService>(new InMemoryOrchestrationService(NullLoggerFactory.Instance), door, pause);
        var instance = new OrchestrationInstance { InstanceId = "lifecycle-1", ExecutionId = "e1" };
        await service.CreateTaskOrchestrationAsync(new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "null") { Name = "ApplicationLifecycle", OrchestrationInstance = instance },
        });
        return service;
    }
}
