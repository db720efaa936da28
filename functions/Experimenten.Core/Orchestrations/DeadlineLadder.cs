namespace Experimenten.Orchestrations;

/// <summary>The reminder ladder around a deadline: before it, at it, overdue, then escalation.</summary>
public enum Rung
{
    Before,
    Due,
    Overdue,
    Escalate,
}

/// <summary>
/// How far from the deadline each rung stands. A rung without a spacing is not on the ladder (the revision
/// wait has only a reminder and the deadline itself).
/// </summary>
public sealed record LadderSpacing(TimeSpan Before, TimeSpan? Overdue = null, TimeSpan? Escalate = null);

/// <summary>
/// One deadline and its reminder rungs, as an orchestrator walks them (after temporalio's UpdatableTimer):
/// wait until <see cref="WakeAt"/>, then <see cref="Advance"/> to the rung that fired; a new deadline
/// (<see cref="Extend"/>) bumps <see cref="Version"/> and counts the rungs whose moment is already past as
/// passed, so none is sent twice. Pure state from the orchestration's own clock: deterministic, replay-safe.
/// </summary>
public sealed class DeadlineLadder
{
    readonly LadderSpacing spacing;

    /// <param name="due">The deadline.</param>
    /// <param name="spacing">Where the rungs stand.</param>
    /// <param name="now">When given, rungs already past at this moment count as passed; without it every rung is still ahead.</param>
    public DeadlineLadder(DateTimeOffset due, LadderSpacing spacing, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(spacing);
        this.spacing = spacing;
        Due = due;
        if (now is { } at)
        {
            Passed = LastPassed(at);
        }
    }

    public DateTimeOffset Due { get; private set; }

    /// <summary>How often the deadline moved: emails of a rung carry it (<see cref="Variant"/>), so a moved deadline's rungs go out again.</summary>
    public int Version { get; private set; }

    /// <summary>The last rung passed; null before the first.</summary>
    public Rung? Passed { get; private set; }

    /// <summary>The rung waited for now; null when the ladder is done.</summary>
    public Rung? Next => After(Passed);

    /// <summary>When to wake up for <see cref="Next"/>; null when nothing is left to wait for.</summary>
    public DateTimeOffset? WakeAt => Next is { } rung ? At(rung) : null;

    /// <summary>The email variant of this deadline's rungs: "v0", "v1" after the first extension, …</summary>
    public string Variant => $"v{Version}";

    public DateTimeOffset At(Rung rung) => rung switch
    {
        Rung.Before => Due - spacing.Before,
        Rung.Due => Due,
        Rung.Overdue => Due + (spacing.Overdue ?? TimeSpan.Zero),
        _ => Due + (spacing.Escalate ?? TimeSpan.Zero),
    };

    /// <summary>The timer for <see cref="Next"/> fired: that rung is passed now and returned.</summary>
    public Rung Advance()
    {
        var rung = Next ?? throw new InvalidOperationException("Every rung of this deadline has passed.");
        Passed = rung;
        return rung;
    }

    /// <summary>A new deadline: rungs whose moment is already past at <paramref name="now"/> are not sent again.</summary>
    public void Extend(DateTimeOffset due, DateTimeOffset now)
    {
        Due = due;
        Version++;
        Passed = LastPassed(now);
    }

    Rung? LastPassed(DateTimeOffset now)
    {
        Rung? last = null;
        while (After(last) is { } next && At(next) <= now)
        {
            last = next;
        }

        return last;
    }

    /// <summary>The rung after <paramref name="last"/> that is on this ladder.</summary>
    Rung? After(Rung? last) => last switch
    {
        null => Rung.Before,
        Rung.Before => Rung.Due,
        Rung.Due when spacing.Overdue is not null => Rung.Overdue,
        Rung.Overdue when spacing.Escalate is not null => Rung.Escalate,
        Rung.Due when spacing.Escalate is not null => Rung.Escalate,
        _ => null,
    };
}
