using System.ComponentModel.DataAnnotations;

namespace Experimenten.SelfHost.Durable;

public sealed class DurableOptions
{
    public const string Section = "Durable";

    /// <summary>AzureStorage (the default: durable, the same backend as Durable Functions) or InMemory (tests only).</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter.</summary>
    public string TaskHub { get; set; } = "experimenten";

    /// <summary>Control-queue partitions; 4 is plenty for one self-host and keeps idle polling low.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between queue polls when idle; short, so compressed demo timers fire on time.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a message a worker took stays hidden from others. After a crash the work comes back
    /// this much later; the runtime renews it while work is really in progress.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Activities and orchestration steps run at once (default 4 per core). The self-host is one process:
    /// left unbounded, a burst of background work (a call deadline's confirmations and invitations) takes
    /// every core and the form's submissions wait behind it. With the cap a burst is accepted faster and
    /// its emails follow a few seconds later (bench/submit). On Azure Functions, HTTP and durable work
    /// scale in separate groups, so host.json needs no such cap.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 4 * Environment.ProcessorCount;

    /// <inheritdoc cref="MaxConcurrentActivities"/>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Loopback port of the embedded sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}

public enum DurableBackend
{
    AzureStorage,
    InMemory,
}
