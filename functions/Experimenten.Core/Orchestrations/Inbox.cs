using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <summary>
/// Waits for the next of several named external events or a timer, whichever comes first — without
/// losing events. A waiter stays registered until its event arrives: cancelling a waiter in the SDK
/// would let the next event of that name complete the cancelled task and vanish. Timers are cancelled.
/// Deterministic: waiters are kept in insertion order, so replay picks the same winner.
/// </summary>
public sealed class Inbox(TaskOrchestrationContext context)
{
    readonly List<Waiter> waiters = [];

    public void Listen<T>(string eventName)
    {
        if (waiters.Any(w => w.Name == eventName))
        {
            return;
        }

        waiters.Add(new Waiter(eventName, () => context.WaitForExternalEvent<T>(eventName), t => ((Task<T>)t).Result));
    }

    /// <summary>The next event, or <see cref="Message.Timer"/> when <paramref name="wakeAt"/> passes first.</summary>
    public async Task<Message> NextAsync(DateTimeOffset? wakeAt, Task? alsoWaitFor = null)
    {
        using var cancel = new CancellationTokenSource();
        var timer = wakeAt is { } at ? context.CreateTimer(at.UtcDateTime, cancel.Token) : null;
        var candidates = waiters.Select(w => w.Task).ToList();
        if (alsoWaitFor is not null)
        {
            candidates.Add(alsoWaitFor);
        }

        if (timer is not null)
        {
            candidates.Add(timer);
        }

        var winner = await Task.WhenAny(candidates);
        if (winner == timer)
        {
            return Message.Timer;
        }

        cancel.Cancel();
        if (winner == alsoWaitFor)
        {
            return Message.Other;
        }

        var waiter = waiters.First(w => w.Task == winner);
        var value = waiter.Result(winner);
        waiter.Renew();
        return new Message(MessageKind.Event, waiter.Name, value);
    }

    sealed class Waiter
    {
        readonly Func<Task> listen;

        public Waiter(string name, Func<Task> listen, Func<Task, object?> result)
        {
            Name = name;
            this.listen = listen;
            Result = result;
            Task = listen();
        }

        public string Name { get; }

        public Func<Task, object?> Result { get; }

        public Task Task { get; private set; }

        public void Renew() => Task = listen();
    }
}

/// <summary>What woke an orchestrator.</summary>
public enum MessageKind
{
    /// <summary>A named external event, with its payload.</summary>
    Event,

    /// <summary>The timer of the wait fired first.</summary>
    Timer,

    /// <summary>The task the wait also awaited (a child orchestration) finished first.</summary>
    Other,
}

/// <summary>What woke an orchestrator: a named event with its payload, its timer, or the task it also awaited.</summary>
public sealed record Message(MessageKind Kind, string Name, object? Value)
{
    public static readonly Message Timer = new(MessageKind.Timer, "", null);
    public static readonly Message Other = new(MessageKind.Other, "", null);

    public bool IsTimer => Kind == MessageKind.Timer;

    public T As<T>() => (T)Value!;
}
