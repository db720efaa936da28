namespace Experimenten.SelfHost.Durable;

public sealed class DurableOptions
{
    public const string Section = "Durable";

    /// <summary>AzureStorage (the default: durable, the same backend as Durable Functions) or InMemory (tests only).</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter.</summary>
    public string TaskHub { get; set; } = "experimenten";

    /// <summary>Control-queue partitions; 4 is plenty for one self-host and keeps idle polling low.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between queue polls when idle; short, so compressed demo timers fire on time.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Loopback port of the embedded sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}

public enum DurableBackend
{
    AzureStorage,
    InMemory,
}
