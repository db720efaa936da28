using Azure.Data.Tables;
using Experimenten.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Bench;

/// <summary>The real self-host, in this process, on Azurite — with the bare baseline registered beside the product.</summary>
sealed class BenchHost : IAsyncDisposable
{
    readonly WebApplication app;
    readonly TableClient history;

    BenchHost(WebApplication app, string prefix, string baseUrl, string connectionString)
    {
        this.app = app;
        BaseUrl = baseUrl;
        history = new TableClient(connectionString, prefix + "hubHistory");
    }

    public string BaseUrl { get; }

    public DurableTaskClient Durable => app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>A fresh storage prefix: each run has its own tables, queues and task hub.</summary>
    public static string NewPrefix() => "b" + Guid.NewGuid().ToString("N")[..10];

    /// <param name="mail">Where the product's email goes, through the real SendGrid SDK, as in production.</param>
    public static async Task<BenchHost> StartAsync(Azurite azurite, MailCatcher mail, string prefix, string user, string password)
    {
        var baseUrl = $"http://127.0.0.1:{Azurite.FreePort()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Durable:TaskHub"] = prefix + "hub",
            ["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "bench-seeds"),
            ["Seeds:SubmitDemoApplications"] = "false",
            ["Seeds:Import"] = "true",
            ["Links:BaseUrl"] = baseUrl,
            ["Links:SigningKey"] = "pmKnFs2Pp+W9mDIxemayI9UbHGFz0YIGPM6hWwmRAC9wJMxHkNxi4qvKclmAsEjY",
            ["Coordinator:Credentials:0:User"] = user,
            ["Coordinator:Credentials:0:PasswordHash"] = Coordinator.PasswordHashing.Hash(password),
            ["SelfHost:DataPath"] = Path.Combine(Path.GetTempPath(), prefix),
            ["SendGrid:ApiKey"] = "SG.bench-not-a-key",
            ["SendGrid:Host"] = mail.Url,
            ["Logging:LogLevel:Default"] = "Warning",
        });

        // An experiment's setting for one run, e.g. BENCH_SETTINGS="Durable:BackgroundPauseWhileUploading=00:00:00".
        foreach (var setting in (Environment.GetEnvironmentVariable("BENCH_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            builder.Configuration[key] = value;
        }

        // Every benchmark client posts from 127.0.0.1 with the same addresses: raised allowances, the limiter still on.
        builder.Configuration.AddInMemoryCollection(TestRateLimits.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSelfHost(r =>
        {
            r.AddOrchestrator<BareLifecycle>();
            r.AddOrchestrator<BareChild>();
            r.AddActivity<NoOp>();
            r.AddActivity<Poke>();
        });
        var app = builder.Build();
        app.MapExperimenten();
        await app.StartAsync();
        using var http = new HttpClient();
        await Wait.UntilAsync(async () => (await http.GetAsync(new Uri($"{baseUrl}/readyz"))).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "bench host ready");
        return new BenchHost(app, prefix, baseUrl, azurite.ConnectionString);
    }

    public async Task RunBareAsync(Shape shape, CancellationToken cancellationToken)
    {
        var id = await Durable.ScheduleNewOrchestrationInstanceAsync(nameof(BareLifecycle), shape, cancellationToken);
        await Durable.WaitForInstanceCompletionAsync(id, cancellationToken);
    }

    /// <summary>
    /// Activities, external events and sub-orchestrations of a lifecycle, and each fired timer's wait (its fire time
    /// less the moment it was created), from the histories of the lifecycle and its sub-orchestrations.
    /// </summary>
    public async Task<Shape> ShapeAsync(string id)
    {
        var rows = await RowsAsync(id);
        var created = rows.Where(r => r.GetString("EventType") == "TimerCreated")
            .ToDictionary(r => (r.PartitionKey, r.GetInt32("EventId")), r => r.GetDateTimeOffset("_Timestamp"));
        var waits = rows.Where(r => r.GetString("EventType") == "TimerFired")
            .Select(r => created.TryGetValue((r.PartitionKey, r.GetInt32("TimerId")), out var at) && at is { } start && r.GetDateTimeOffset("FireAt") is { } fire
                ? Math.Max(0, (fire - start).TotalSeconds) : 0)
            .ToArray();
        int Count(string type) => rows.Count(r => r.GetString("EventType") == type);
        return new Shape(Count("TaskScheduled"), Count("EventRaised"), Count("SubOrchestrationInstanceCreated"), waits);
    }

    /// <summary>
    /// Purges the history of every finished instance, so each step of a sweep starts on tables of the same size:
    /// Azurite scans a whole table for every history query (bench/emulator), so without this a step would pay for
    /// the lifecycles of the steps before it. Applications waiting out their retention keep theirs.
    /// </summary>
    public async Task<int> PurgeFinishedAsync()
    {
        var result = await Durable.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, [OrchestrationRuntimeStatus.Completed]));
        return result.PurgedInstanceCount;
    }

    public async Task<(int Total, int Parent, int LargestChild, int Instances)> HistoryAsync(string id)
    {
        var events = await EventsAsync(id);
        return (events.Sum(e => e.Value.Count), events[id].Count, events.Where(e => e.Key != id).Select(e => e.Value.Count).DefaultIfEmpty().Max(), events.Count);
    }

    async Task<Dictionary<string, List<string>>> EventsAsync(string id) =>
        (await RowsAsync(id)).Where(r => r.GetString("EventType") is not null)
            .GroupBy(r => r.PartitionKey).ToDictionary(g => g.Key, g => g.Select(r => r.GetString("EventType")).ToList());

    /// <summary>The history rows of a lifecycle and its sub-orchestrations (their ids start with the lifecycle's).</summary>
    async Task<List<TableEntity>> RowsAsync(string id)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {id} and PartitionKey lt {id + "~"}");
        var rows = new List<TableEntity>();
        await foreach (var e in history.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "EventType", "EventId", "TimerId", "FireAt", "_Timestamp"]))
        {
            rows.Add(e);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
