using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Experimenten.Bench;

/// <summary>
/// The shape of one product lifecycle, counted from its history: so many activities, external events and
/// sub-orchestrations, and the timers that fired with how long each waited.
/// </summary>
public sealed record Shape(int Activities, int Events, int Children, double[] TimerSeconds);

/// <summary>A bare child's part: activities that do nothing and timers of the product's durations.</summary>
public sealed record BarePart(int Activities, double[] TimerSeconds);

/// <summary>
/// ORCHESTRATOR — the baseline: a product lifecycle's shape and nothing else, on the same backend in the same
/// host. Each event is asked for by an activity (<see cref="Poke"/>), as the product's emails ask a person who
/// then clicks, so the bare run never has its events waiting in the queue before it needs them.
/// </summary>
public sealed class BareLifecycle : TaskOrchestrator<Shape, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, Shape input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var parts = input.Children + 1;
        var plain = Math.Max(0, input.Activities - input.Events);
        var own = plain - (plain / parts * input.Children);
        for (var i = 0; i < own; i++)
        {
            await context.CallActivityAsync<int>(nameof(NoOp), i);
        }

        for (var c = 0; c < input.Children; c++)
        {
            var timers = input.TimerSeconds.Where((_, n) => n % input.Children == c).ToArray();
            await context.CallSubOrchestratorAsync<int>(nameof(BareChild), new BarePart(plain / parts, timers));
        }

        if (input.Children == 0)
        {
            await BareChild.TimersAsync(context, input.TimerSeconds);
        }

        for (var i = 0; i < input.Events; i++)
        {
            await context.CallActivityAsync<int>(nameof(Poke), context.InstanceId);
            await context.WaitForExternalEvent<int>("Step");
        }

        return input.Activities + input.Events;
    }
}

/// <summary>ORCHESTRATOR — a bare sub-orchestration: its activities, then its timers.</summary>
public sealed class BareChild : TaskOrchestrator<BarePart, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, BarePart input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        for (var i = 0; i < input.Activities; i++)
        {
            await context.CallActivityAsync<int>(nameof(NoOp), i);
        }

        await TimersAsync(context, input.TimerSeconds);
        return input.Activities;
    }

    public static async Task TimersAsync(TaskOrchestrationContext context, double[] seconds)
    {
        foreach (var s in seconds)
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(s), CancellationToken.None);
        }
    }
}

/// <summary>An activity that does nothing: the baseline measures the runtime, not work.</summary>
public sealed class NoOp : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

/// <summary>Raises the next event to the orchestration that called it: the bare stand-in for an email and its click.</summary>
public sealed class Poke(DurableTaskClient client) : TaskActivity<string, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        await client.RaiseEventAsync(input, "Step", 0);
        return 0;
    }
}
