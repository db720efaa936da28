namespace Experimenten.Http;

/// <summary>Whether this host finished starting (storage created, durable runtime up); <c>/readyz</c> reports it.</summary>
public sealed class Readiness
{
    volatile string? notReady = "starting";

    public bool IsReady => notReady is null;

    /// <summary>Why the host is not ready ("starting", "stopping"), or null when it is.</summary>
    public string? Reason => notReady;

    public void MarkReady() => notReady = null;

    public void MarkNotReady(string reason) => notReady = reason;
}
