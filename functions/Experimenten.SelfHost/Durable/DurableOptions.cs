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
    /// While an upload (a submission, a revised plan, a report) is being received, background work waits
    /// for it — at most this long at a time, so confirmations still flow through a long burst. Zero turns
    /// the pause off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BackgroundPauseWhileUploading { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Control-queue messages the backend reads ahead (with their histories) while an upload comes in;
    /// otherwise the library's 64. Each message read ahead costs the storage a history query while plans
    /// are arriving (bench/submit); the smaller number only while uploads come in keeps whole lifecycles
    /// at full speed.
    /// </summary>
    [Range(1, 1000)]
    public int ReadAheadWhileUploading { get; set; } = 16;

    /// <summary>Loopback port of the embedded sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    /// <summary>
    /// This host's name among the hosts of one task hub (its partition leases carry it). Empty: the machine name and
    /// a digest of the data folder, so a restarted host takes its leases back at once and two hosts on one machine
    /// (each with its own data folder) never pass for one.
    /// </summary>
    public string WorkerId { get; set; } = "";
}

public enum DurableBackend
{
    AzureStorage,
    InMemory,
}
