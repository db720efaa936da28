using System.Collections.Concurrent;
using DurableTask.Core;
using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Experimenten.Tests.Workflow;

/// <summary>
/// The real orchestrators on the SDK's in-memory backend, with recording stand-ins for the activities: no storage,
/// no email, only what the orchestrator decides (emails asked for, timeline lines written), within seconds.
/// </summary>
public sealed class OrchestrationHost : IAsyncDisposable
{
    readonly WebApplication sidecar;
    readonly IHost worker;

    OrchestrationHost(WebApplication sidecar, IHost worker, Recording recorded)
    {
        this.sidecar = sidecar;
        this.worker = worker;
        Recorded = recorded;
    }

    public Recording Recorded { get; }

    public DurableTaskClient Client => worker.Services.GetRequiredService<DurableTaskClient>();

    /// <param name="extra">More orchestrators, or stand-ins for a child orchestration.</param>
    public static async Task<OrchestrationHost> StartAsync(Action<DurableTaskRegistry>? extra = null)
    {
        // The sidecar and the in-memory backend as the self-host wires them (EmbeddedDurableRuntime), on a port of its own;
        // DurableTaskTestHost would pick up the self-host's appsettings (Urls) in the test folder and bind its port.
        var port = FreePort();
        var sidecarBuilder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        sidecarBuilder.Logging.ClearProviders();
        sidecarBuilder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        sidecarBuilder.Services.AddGrpc();
        var service = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        sidecarBuilder.Services.AddSingleton<IOrchestrationService>(service);
        sidecarBuilder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        sidecarBuilder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = sidecarBuilder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync();

        var recorded = new Recording();
        var address = $"http://127.0.0.1:{port}";
        var workerBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        workerBuilder.Services.AddDurableTaskClient(b => b.UseGrpc(address).UseDefaultVersion(OrchestrationVersions.Current));
        workerBuilder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(address);
            b.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions { Version = OrchestrationVersions.Current, DefaultVersion = OrchestrationVersions.Current });
            b.AddTasks(registry =>
            {
                registry.AddOrchestrator<ReportCycle>();
                extra?.Invoke(registry);
                registry.AddActivityFunc<EmailBatch, bool>(nameof(SendEmail), (_, batch) => recorded.Add(batch.Emails));
                registry.AddActivityFunc<Note, bool>(nameof(RecordNote), (_, note) => recorded.Add(note.Entry));
                registry.AddActivityFunc<ProgressUpdate, bool>(nameof(RecordProgress), (_, update) => recorded.Add(update.Timeline));
                registry.AddActivityFunc<StepUpdate, bool>(nameof(Advance), (_, step) => recorded.Add(step.Progress?.Timeline) & recorded.Add(step.Note?.Entry) & recorded.Add(step.Emails));
                registry.AddActivityFunc<ReviewersInvited, bool>(nameof(RecordReviewers), (_, _) => true);
                registry.AddActivityFunc<ReviewersWanted, IReadOnlyList<string>>(nameof(ChooseReviewers), (_, wanted) => wanted.Candidates);
                registry.AddActivityFunc<RoundClosed, bool>(nameof(CloseRound), (_, _) => true);
                registry.AddActivityFunc<ReportUpdate, bool>(nameof(RecordReport), (_, _) => true);
                registry.AddActivityFunc<RetentionInput, bool>(nameof(StartRetention), (_, _) => true);
            });
        });
        var worker = workerBuilder.Build();
        await worker.StartAsync();
        return new OrchestrationHost(sidecar, worker, recorded);
    }

    public async Task<OrchestrationMetadata> FinishedAsync(string instance, TimeSpan within)
    {
        using var cancel = new CancellationTokenSource(within);
        return await Client.WaitForInstanceCompletionAsync(instance, getInputsAndOutputs: true, cancel.Token);
    }

    /// <summary>Waits until the orchestrator has asked for <paramref name="count"/> emails of <paramref name="kind"/>.</summary>
    public Task<IReadOnlyList<EmailOrder>> EmailsAsync(EmailKind kind, int count, TimeSpan within) =>
        Recording.WaitAsync(() => Recorded.Emails.Where(e => e.Kind == kind).ToList(), count, within, $"{count} × {kind}");

    public Task<IReadOnlyList<TimelineEntry>> LinesAsync(string kind, int count, TimeSpan within) =>
        Recording.WaitAsync(() => Recorded.Lines.Where(e => e.Kind == kind).ToList(), count, within, $"{count} × line {kind}");

    public async ValueTask DisposeAsync()
    {
        await worker.StopAsync();
        worker.Dispose();
        await sidecar.StopAsync();
        await sidecar.DisposeAsync();
    }

    // Other test hosts may run beside this one.
    static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What the orchestrators asked the activities to do, in order; each email once by its key (as SendEmail dedupes).</summary>
    public sealed class Recording
    {
        readonly ConcurrentQueue<EmailOrder> emails = new();
        readonly ConcurrentQueue<TimelineEntry> lines = new();
        readonly ConcurrentDictionary<string, int> sends = new();

        public IReadOnlyList<EmailOrder> Emails => [.. emails];

        public IReadOnlyList<TimelineEntry> Lines => [.. lines];

        /// <summary>How often each email key was asked for; a retried activity may ask twice, a second rung never.</summary>
        public IReadOnlyDictionary<string, int> Sends => sends;

        public bool Add(IReadOnlyList<EmailOrder> batch)
        {
            foreach (var e in batch)
            {
                if (sends.AddOrUpdate(e.Key, 1, (_, n) => n + 1) == 1)
                {
                    emails.Enqueue(e);
                }
            }

            return true;
        }

        public bool Add(TimelineEntry? entry)
        {
            if (entry is not null && !lines.Any(l => l.Id is not null && l.Id == entry.Id))
            {
                lines.Enqueue(entry);
            }

            return true;
        }

        public static async Task<IReadOnlyList<T>> WaitAsync<T>(Func<List<T>> read, int count, TimeSpan within, string what)
        {
            var until = DateTime.UtcNow + within;
            while (true)
            {
                var found = read();
                if (found.Count >= count)
                {
                    return found;
                }

                if (DateTime.UtcNow > until)
                {
                    throw new TimeoutException($"Waited {within} for {what}; saw {found.Count}.");
                }

                await Task.Delay(20);
            }
        }
    }
}

/// <summary>The orchestrator tests run one after another: their timers are a second or so, and a busy machine would stretch them.</summary>
[CollectionDefinition(Name)]
public sealed class OrchestrationCollection
{
    public const string Name = "Orchestrations";
}

/// <summary>Small inputs for the orchestrators under test, with every duration passed in.</summary>
static class Inputs
{
    public static IReadOnlyList<string> Panel(int n) => [.. Enumerable.Range(1, n).Select(i => $"r{i}")];

    public static ReviewSettings Review(TimeSpan period, TimeSpan before, TimeSpan overdue, TimeSpan escalate, ReviewCompletion completion = ReviewCompletion.Quorum, int perRound = 2, int approvals = 2) =>
        new(perRound, approvals, completion, period, before, overdue, escalate, ShareCommentsOnReject: false);

    public static MonitoringSettings Monitoring(TimeSpan before, TimeSpan overdue, TimeSpan escalate) =>
        new(0, TimeSpan.FromDays(30), before, overdue, escalate);
}
