using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Experimenten.Bench;

/// <summary>
/// Counts the storage requests this process makes (the self-host runs in it), by what they are for, from the
/// HTTP client's own activities: no request log slows the emulator, and it counts exactly the transactions a
/// storage account bills. Requests to anything but the emulator's three ports (the API, the mail catcher) are
/// left out.
/// </summary>
sealed partial class StorageTraffic : IDisposable
{
    readonly ActivityListener listener;
    readonly ConcurrentDictionary<string, int> counts = new();
    readonly Dictionary<int, string> services;
    readonly string prefix;

    /// <param name="connectionString">The emulator's; its endpoints name the ports to count.</param>
    /// <param name="prefix">The storage prefix of the host under test (<c>Storage:Prefix</c>); its task hub is <c>{prefix}hub</c>.</param>
    public StorageTraffic(string connectionString, string prefix)
    {
        // Query strings (lease, peek, comp=…) say what a request is; the HTTP client hides them from telemetry by default.
        AppContext.SetSwitch("System.Net.Http.DisableUriRedaction", true);
        services = Endpoint().Matches(connectionString).ToDictionary(
            m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => m.Groups[1].Value.ToLowerInvariant());
        this.prefix = prefix.ToLowerInvariant();
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Every request so far, by kind ("history query", "control queue dequeue", "applications upsert", …).</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(counts);

    public int Total => counts.Values.Sum();

    /// <summary>The requests between two snapshots, by kind.</summary>
    public static Dictionary<string, int> Between(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        after.Select(a => (a.Key, Value: a.Value - before.GetValueOrDefault(a.Key))).Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value);

    /// <summary>The group a kind belongs to in docs/performance.md's table.</summary>
    public static string Group(string kind) => kind.Split(' ')[0] switch
    {
        "history" or "instances" => "history and instance tables",
        "control" or "work-item" => "control and work-item queues",
        "leases" or "large" => "partition leases and large messages",
        "applist" or "applistdir" => "coordinator list index",
        "sentmail" or "outbox" => "email ledger",
        "plans" or "reports-blob" or "keyring" => "blobs (plans, reports, keys)",
        _ => "read model and other product tables",
    };

    void Count(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !services.TryGetValue(uri.Port, out var service))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        counts.AddOrUpdate(Kind(uri, service, method), 1, (_, n) => n + 1);
    }

    string Kind(Uri uri, string service, string method)
    {
        // Path: /devstoreaccount1/{table-or-queue-or-container}/{rest}
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Uri.UnescapeDataString).ToArray();
        var query = uri.Query;
        if (segments.Length == 0)
        {
            return "account " + method;
        }

        var first = segments[0];
        var name = Area(first.Split('(')[0], service);
        return (name, method) switch
        {
            // The product makes no table transactions: every batch is the backend appending to a history.
            ("$batch", _) => "history batch write",
            ("tables", _) => "table create/list",
            _ when name.EndsWith("queue", StringComparison.Ordinal) => name + " " + QueueOperation(segments, method, query),
            _ when query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase) => name + " lease",
            _ when first.Contains('(', StringComparison.Ordinal) && !first.EndsWith("()", StringComparison.Ordinal) => name + " " + (method == "GET" ? "point read" : method == "DELETE" ? "delete" : "upsert"),
            (_, "GET") when segments.Length == 1 => name + (query.Contains("restype=container", StringComparison.OrdinalIgnoreCase) ? " list" : " query"),
            (_, "POST") when segments.Length == 1 => name + " insert",
            _ => name + " " + method.ToLowerInvariant(),
        };
    }

    string Area(string resource, string service)
    {
        var lower = resource.ToLowerInvariant();
        var hub = prefix + "hub";
        if (lower.StartsWith(hub, StringComparison.Ordinal))
        {
            var rest = lower[hub.Length..];
            return rest switch
            {
                "history" => "history",
                "instances" => "instances",
                "-workitems" => "work-item queue",
                "-leases" or "-applease" => "leases",
                "-largemessages" => "large messages",
                _ when rest.StartsWith("-control-", StringComparison.Ordinal) => "control queue",
                _ => "hub " + rest,
            };
        }

        if (lower.StartsWith(prefix, StringComparison.Ordinal))
        {
            var name = lower[prefix.Length..];
            return name.StartsWith("applist", StringComparison.Ordinal) && name != "applistdir" ? "applist"
                : name == "reports" && service == "blob" ? "reports-blob"
                : name;
        }

        return lower == "$batch" || lower == "tables" ? lower : "other " + lower;
    }

    static string QueueOperation(string[] segments, string method, string query) => (segments.Length, method) switch
    {
        ( >= 2, "GET") => query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "peek" : "dequeue",
        ( >= 2, "POST") => "enqueue",
        ( >= 3, "DELETE") => "delete message",
        ( >= 3, "PUT") => "update message",
        _ => "metadata " + method.ToLowerInvariant(),
    };

    public void Dispose() => listener.Dispose();

    [GeneratedRegex(@"(Blob|Queue|Table)Endpoint=https?://[^:/;]+:(\d+)")]
    private static partial Regex Endpoint();
}
