using Microsoft.DurableTask;

namespace Experimenten.Bench;

/// <summary>The shape of one product lifecycle, counted from its history: so many activities, timers and events.</summary>
public sealed record Shape(int Activities, int Timers, int Events);

/// <summary>
/// ORCHESTRATOR — the baseline: the same number of activities, timers and external events as a product
/// lifecycle, doing nothing else, on the same backend in the same host.
/// </summary>
public sealed class BareLifecycle : TaskOrchestrator<Shape, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, Shape input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        for (var i = 0; i < input.Activities; i++)
        {
            await context.CallActivityAsync<int>(nameof(NoOp), i);
        }

        for (var i = 0; i < input.Timers; i++)
        {
            await context.CreateTimer(context.CurrentUtcDateTime, CancellationToken.None);
        }

        for (var i = 0; i < input.Events; i++)
        {
            await context.WaitForExternalEvent<int>("Step");
        }

        return input.Activities + input.Timers + input.Events;
    }
}

/// <summary>An activity that does nothing: the baseline measures the runtime, not work.</summary>
public sealed class NoOp : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
