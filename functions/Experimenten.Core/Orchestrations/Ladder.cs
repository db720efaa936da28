namespace Experimenten.Orchestrations;

/// <summary>The rungs of a reminder ladder around a deadline: before it, at it, overdue, then escalation.</summary>
public enum Rung
{
    Before,
    Due,
    Overdue,
    Escalate,
}

/// <summary>
/// Where each rung sits relative to the deadline. A review round and a report cycle climb all four; the wait for
/// a revised plan has two (a reminder, then the plan lapses at the deadline).
/// </summary>
public sealed record LadderShape(TimeSpan Before, TimeSpan? Overdue = null, TimeSpan? Escalate = null)
{
    public IEnumerable<Rung> Rungs
    {
        get
        {
            yield return Rung.Before;
            yield return Rung.Due;
            if (Overdue is not null)
            {
                yield return Rung.Overdue;
            }

            if (Escalate is not null)
            {
                yield return Rung.Escalate;
            }
        }
    }

    public DateTimeOffset At(Rung rung, DateTimeOffset due) => rung switch
    {
        Rung.Before => due - Before,
        Rung.Due => due,
        Rung.Overdue => due + Overdue!.Value,
        _ => due + Escalate!.Value,
    };
}

/// <summary>
/// A moving deadline and its reminder ladder: the one state machine behind the review round, the report cycle and
/// the revision wait. Pure and deterministic — the orchestrator passes in its own clock — so replay takes the same
/// steps and a table test can walk every path. <see cref="Version"/> counts moves of the deadline; emails carry it
/// (<see cref="Variant"/>) so a reminder for a new deadline is never taken for the one already sent.
/// </summary>
public sealed class DeadlineLadder
{
    readonly LadderShape shape;

    DeadlineLadder(LadderShape shape, DateTimeOffset due, Rung? passed)
    {
        this.shape = shape;
        Due = due;
        Passed = passed;
    }

    public DateTimeOffset Due { get; private set; }

    public int Version { get; private set; }

    /// <summary>The last rung reached; null before the first.</summary>
    public Rung? Passed { get; private set; }

    /// <summary>The rung to reach next; null once the last one is passed.</summary>
    public Rung? Next => shape.Rungs.SkipWhile(r => Passed is { } p && r <= p).Cast<Rung?>().FirstOrDefault();

    /// <summary>When the orchestrator should wake for <see cref="Next"/>; null when nothing is left to climb.</summary>
    public DateTimeOffset? WakeAt => Next is { } rung ? shape.At(rung, Due) : null;

    /// <summary>The email variant for reminders about the current deadline.</summary>
    public string Variant => $"v{Version}";

    /// <summary>A ladder that starts at the bottom, however close the deadline already is.</summary>
    public static DeadlineLadder Start(LadderShape shape, DateTimeOffset due)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new(shape, due, null);
    }

    /// <summary>A ladder whose rungs already behind <paramref name="now"/> count as passed (never sent late).</summary>
    public static DeadlineLadder StartAt(LadderShape shape, DateTimeOffset due, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new(shape, due, LastPassed(shape, due, now));
    }

    /// <summary>The timer fired: <see cref="Next"/> is reached; returns it.</summary>
    public Rung Advance()
    {
        var reached = Next ?? throw new InvalidOperationException("The ladder has no rung left to reach.");
        Passed = reached;
        return reached;
    }

    /// <summary>A new deadline: rungs whose moment is already past are not sent again.</summary>
    public void Extend(DateTimeOffset due, DateTimeOffset now)
    {
        Due = due;
        Version++;
        Passed = LastPassed(shape, due, now);
    }

    static Rung? LastPassed(LadderShape shape, DateTimeOffset due, DateTimeOffset now) =>
        shape.Rungs.TakeWhile(r => shape.At(r, due) <= now).Cast<Rung?>().LastOrDefault();
}
