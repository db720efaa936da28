using System.Text.Json;
using Experimenten.Calls;

namespace Experimenten.Domain;

/// <summary>The calls and the review panel as they were read at one moment.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<Call> Calls, Panel Panel)
{
    public static readonly CatalogSnapshot Empty = new([], new Panel([]));

    public Call? Find(string? id) => Calls.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// The calls and the review panel coordinators keep in storage (<see cref="CallStore"/>, <see cref="PanelStore"/>),
/// read at most every few seconds per host: pages and emails read them all the time, and they change a few times a
/// year. A change made through this host is seen by its next read at once; another host sees it within
/// <see cref="MaxAge"/>. What must be exact reads storage itself: a submission checks its call's row.
/// </summary>
public sealed class CallCatalog(CallStore calls, PanelStore panel, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How old a host's copy may be before the next read goes to storage again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    volatile Loaded? loaded;

    /// <summary>
    /// The last copy read, for the Razor components a page handler renders after its own <see cref="GetAsync"/>
    /// (components render synchronously). Empty before the first read.
    /// </summary>
    public CatalogSnapshot Current => loaded?.Snapshot ?? CatalogSnapshot.Empty;

    public IReadOnlyList<Call> Calls => Current.Calls;

    public Panel Panel => Current.Panel;

    public Call? Find(string? id) => Current.Find(id);

    public async Task<CatalogSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (loaded is { } fresh && time.GetUtcNow() - fresh.At < MaxAge)
        {
            return fresh.Snapshot;
        }

        // Requests that find the copy old at the same moment may each read it: a few reads, never a wrong answer.
        var at = time.GetUtcNow();
        var snapshot = new CatalogSnapshot(await calls.ListAsync(cancellationToken), new Panel(await panel.ListAsync(cancellationToken)));
        loaded = new Loaded(snapshot, at);
        return snapshot;
    }

    /// <summary>After a change through this host: the next read goes to storage.</summary>
    public void Invalidate() => loaded = null;

    sealed record Loaded(CatalogSnapshot Snapshot, DateTimeOffset At);
}

public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>Folder with calls.json, panel.json and applications.json; the app's own copy by default.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>
    /// Import calls.json and panel.json at start, each call and reviewer only if it is not stored yet (the self-host
    /// in Development; everywhere else the fund decides, or runs the import command once).
    /// </summary>
    public bool Import { get; set; }

    /// <summary>Submit the demo applications at start (self-host). Idempotent through fixed keys.</summary>
    public bool SubmitDemoApplications { get; set; } = true;
}
