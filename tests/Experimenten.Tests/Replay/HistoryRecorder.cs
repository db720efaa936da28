using Experimenten.Orchestrations;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Replay;

/// <summary>Runs only when asked: <c>RECORD_HISTORIES=1</c> (docs/upgrades.md, "How a change is checked").</summary>
public sealed class RecordingFactAttribute : FactAttribute
{
    public RecordingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("RECORD_HISTORIES") != "1")
        {
            Skip = "re-records the replay histories; run with RECORD_HISTORIES=1 when a new orchestration version is added";
        }
    }
}

/// <summary>
/// The tool that records the histories <see cref="ReplayTests"/> replays: real lifecycles on the self-host
/// (Azure Storage backend on Azurite), each brought to one waiting point, written to
/// <c>tests/Experimenten.Tests/Replay/Histories/{current version}/{point}.json</c> in the source tree.
/// <code>RECORD_HISTORIES=1 dotnet test tests/Experimenten.Tests -c Release --filter HistoryRecorder</code>
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class HistoryRecorder(Azurite azurite)
{
    [RecordingFact]
    public async Task Records_a_lifecycle_at_every_waiting_point()
    {
        var seeds = WaitingPoints.Seeds();
        await using var host = new SelfHostFactory(azurite, b => b.UseSetting("Seeds:Path", seeds));
        var client = await host.StartAsync();
        var points = new WaitingPoints(host, client);
        foreach (var point in WaitingPoints.All)
        {
            var id = await points.BringToAsync(point);
            var instances = await DurableHistory.ReadApplicationAsync(host, id);
            DurableHistory.Write(Path.Combine(DurableHistory.SourceFolder, OrchestrationVersions.Current, point + ".json"),
                new RecordedLifecycle(OrchestrationVersions.Current, point, instances));
        }
    }
}
