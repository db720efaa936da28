namespace Experimenten.Orchestrations;

/// <summary>Bounds that keep every orchestration's history small, however long an experiment runs.</summary>
public static class Limits
{
    /// <summary>Messages one wait (a round, a report, a revision) handles; a few history events each.</summary>
    public const int MessagesPerWait = 500;
}
