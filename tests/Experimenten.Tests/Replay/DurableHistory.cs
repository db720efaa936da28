using System.Text.Json;
using System.Text.Json.Nodes;
using Experimenten.SelfHost.Durable;
using Experimenten.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.DurableTask.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Replay;

/// <summary>One instance's recorded history: the durable runtime's own protobuf events, exactly as a worker receives them.</summary>
public sealed record RecordedInstance(string InstanceId, string Name, IReadOnlyList<HistoryEvent> Events)
{
    public bool Completed => Events.Any(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionCompleted);
}

/// <summary>The instances of one application at one waiting point, as stored under <c>Replay/Histories/{version}/</c>.</summary>
public sealed record RecordedLifecycle(string Version, string Point, IReadOnlyList<RecordedInstance> Instances);

/// <summary>Reads histories from the self-host's embedded sidecar, and reads and writes the history files.</summary>
public static class DurableHistory
{
    static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Where the recorded histories live in the source tree (committed) and beside the tests (copied).</summary>
    public static string SourceFolder => Path.Combine(Repo.Root, "tests", "Experimenten.Tests", "Replay", "Histories");

    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "Replay", "Histories");

    /// <summary>
    /// The full history of an instance, read from the Azure Storage backend (its History table, through the
    /// backend's own reader) and turned into the protobuf events a worker receives, with the converter the
    /// embedded sidecar uses for that. The sidecar's history stream only serves a running work item.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEvent>> ReadAsync(SelfHostFactory host, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var backend = Backend(host);
        var json = await backend.GetOrchestrationHistoryAsync(instanceId, null);
        var events = new List<HistoryEvent>();
        foreach (var item in Newtonsoft.Json.Linq.JArray.Parse(json))
        {
            var kind = (DurableTask.Core.History.EventType)item.Value<int>("EventType");
            var type = typeof(DurableTask.Core.History.HistoryEvent).Assembly.GetType($"DurableTask.Core.History.{kind}Event", throwOnError: true)!;
            var core = (DurableTask.Core.History.HistoryEvent)item.ToObject(type)!;
            events.Add((HistoryEvent)ToProto.Invoke(null, [core])!);
        }

        return events;
    }

    static readonly System.Reflection.MethodInfo ToProto = typeof(Microsoft.DurableTask.Testing.Sidecar.Grpc.TaskHubGrpcServer).Assembly
        .GetType("Microsoft.DurableTask.Testing.Sidecar.Grpc.ProtobufUtils", throwOnError: true)!
        .GetMethod("ToHistoryEventProto", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SelfHostFactory, DurableTask.AzureStorage.AzureStorageOrchestrationService> Backends = [];

    static DurableTask.AzureStorage.AzureStorageOrchestrationService Backend(SelfHostFactory host) =>
        Backends.GetValue(host, h =>
        {
            var durable = h.Services.GetRequiredService<IOptions<DurableOptions>>().Value;
            var storage = h.Services.GetRequiredService<IOptions<Storage.StorageOptions>>().Value;
            return new DurableTask.AzureStorage.AzureStorageOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = durable.TaskHub,
                StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider(storage.ConnectionString!),
            });
        });

    /// <summary>Every instance of one application that exists: the lifecycle, its rounds, its reports, its retention.</summary>
    public static async Task<IReadOnlyList<RecordedInstance>> ReadApplicationAsync(SelfHostFactory host, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = new List<string> { applicationId, Orchestrations.Events.RetentionInstance(applicationId) };
        for (var n = 1; n <= 10; n++)
        {
            ids.Add(Orchestrations.Events.RoundInstance(applicationId, n));
            ids.Add(Orchestrations.Events.ReportInstance(applicationId, n));
        }

        var instances = new List<RecordedInstance>();
        foreach (var id in ids)
        {
            var metadata = await host.Durable.GetInstanceAsync(id, getInputsAndOutputs: false);
            if (metadata is not null)
            {
                instances.Add(new RecordedInstance(id, metadata.Name, await ReadAsync(host, id)));
            }
        }

        return instances;
    }

    /// <summary>Waits until the application's instances have done all they were asked and sit waiting (a timer, an event, a child).</summary>
    public static async Task WaitQuietAsync(SelfHostFactory host, string applicationId, TimeSpan? within = null)
    {
        var last = -1;
        await Testing.Wait.UntilAsync(
            async () =>
            {
                var instances = await ReadApplicationAsync(host, applicationId);
                var count = instances.Sum(i => i.Events.Count);
                var idle = instances.All(i => Pending(i.Events) == 0);
                var quiet = idle && count == last;
                last = count;
                if (!quiet)
                {
                    await Task.Delay(700);
                }

                return quiet;
            },
            within ?? TimeSpan.FromSeconds(60),
            $"the instances of {applicationId} to wait quietly");
    }

    /// <summary>Activities asked for and not yet answered.</summary>
    static int Pending(IReadOnlyList<HistoryEvent> events) =>
        events.Count(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.TaskScheduled)
        - events.Count(e => e.EventTypeCase is HistoryEvent.EventTypeOneofCase.TaskCompleted or HistoryEvent.EventTypeOneofCase.TaskFailed);

    public static void Write(string path, RecordedLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var root = new JsonObject
        {
            ["version"] = lifecycle.Version,
            ["point"] = lifecycle.Point,
            ["instances"] = new JsonArray([.. lifecycle.Instances.Select(i => (JsonNode)new JsonObject
            {
                ["instanceId"] = i.InstanceId,
                ["name"] = i.Name,
                ["events"] = new JsonArray([.. i.Events.Select(e => JsonNode.Parse(Formatter.Format(e)))]),
            })]),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, root.ToJsonString(Indented) + "\n");
    }

    public static RecordedLifecycle Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        return new RecordedLifecycle(
            root["version"]!.GetValue<string>(),
            root["point"]!.GetValue<string>(),
            [.. root["instances"]!.AsArray().Select(i => new RecordedInstance(
                i!["instanceId"]!.GetValue<string>(),
                i["name"]!.GetValue<string>(),
                [.. i["events"]!.AsArray().Select(e => Parser.Parse<HistoryEvent>(e!.ToJsonString()))]))]);
    }
}
