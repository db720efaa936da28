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

        // Every benchmark client posts from 127.0.0.1 with the same addresses: raised allowances, the limiter still on.
        builder.Configuration.AddInMemoryCollection(TestRateLimits.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSelfHost(r =>
        {
            r.AddOrchestrator<BareLifecycle>();
            r.AddActivity<NoOp>();
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
        for (var i = 0; i < shape.Events; i++)
        {
            await Durable.RaiseEventAsync(id, "Step", i, cancellationToken);
        }

        await Durable.WaitForInstanceCompletionAsync(id, cancellationToken);
    }

    /// <summary>Activities, fired timers and external events of a lifecycle and its sub-orchestrations.</summary>
    public async Task<Shape> ShapeAsync(string id)
    {
        var events = await EventsAsync(id);
        var all = events.SelectMany(e => e.Value).ToList();
        return new Shape(all.Count(t => t == "TaskScheduled"), all.Count(t => t == "TimerFired"), all.Count(t => t == "EventRaised"));
    }

    public async Task<(int Total, int Parent, int LargestChild, int Instances)> HistoryAsync(string id)
    {
        var events = await EventsAsync(id);
        return (events.Sum(e => e.Value.Count), events[id].Count, events.Where(e => e.Key != id).Select(e => e.Value.Count).DefaultIfEmpty().Max(), events.Count);
    }

    async Task<Dictionary<string, List<string>>> EventsAsync(string id)
    {
        var result = new Dictionary<string, List<string>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {id} and PartitionKey lt {id + "~"}");
        await foreach (var e in history.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "EventType"]))
        {
            if (e.GetString("EventType") is { } type)
            {
                (result.TryGetValue(e.PartitionKey, out var list) ? list : result[e.PartitionKey] = []).Add(type);
            }
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
