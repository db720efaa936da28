namespace Experimenten.Orchestrations;

/// <summary>The reminder ladder around a deadline: before it, at it, overdue, then escalation.</summary>
public enum Rung
{
    Before,
    Due,
    Overdue,
    Escalate,
}

public static class Ladder
{
    public static DateTimeOffset At(Rung rung, DateTimeOffset due, TimeSpan before, TimeSpan overdue, TimeSpan escalate) => rung switch
    {
        Rung.Before => due - before,
        Rung.Due => due,
        Rung.Overdue => due + overdue,
        _ => due + escalate,
    };

    /// <summary>After a new deadline: the last rung whose moment is already past, so it is not sent again.</summary>
    public static Rung? LastPassed(DateTimeOffset now, DateTimeOffset due, TimeSpan before, TimeSpan overdue, TimeSpan escalate)
    {
        Rung? last = null;
        while (Next(last) is { } next && At(next, due, before, overdue, escalate) <= now)
        {
            last = next;
        }

        return last;
    }

    /// <summary>The rung after <paramref name="last"/>; none after escalation.</summary>
    public static Rung? Next(Rung? last) => last switch
    {
        null => Rung.Before,
        Rung.Before => Rung.Due,
        Rung.Due => Rung.Overdue,
        Rung.Overdue => Rung.Escalate,
        _ => null,
    };
}
