using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Experimenten.Privacy;
using Experimenten.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Privacy;

/// <summary>
/// The call's retention, end to end: an application ends, its retention instance's durable timer runs out, and
/// nothing of its contacts is left in any table, queue, container or history; the anonymous statistics row and
/// the audit line stay. The test call <c>fast</c> keeps data for seconds here (its seeds are copied and changed).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class RetentionTests(Azurite azurite)
{
    static string ShortRetentionSeeds() => TestSeeds.CopyWith(calls =>
        calls.Call("fast")["retention"] = new JsonObject { ["afterCompleted"] = "PT1M", ["afterClosed"] = "PT4S" });

    [Fact]
    public async Task When_the_retention_runs_out_everything_but_the_anonymous_statistics_is_gone()
    {
        await using var host = new SelfHostFactory(azurite, b => b.UseSetting("Seeds:Path", ShortRetentionSeeds()));
        var client = await host.StartAsync();
        var app = await PrivacyFlow.SubmitAsync(client);
        await host.WaitForKindAsync(app.Id, "ReviewInvitation", 3);
        var token = await host.StatusTokenAsync(app.Id, "resident");
        var withdraw = await client.PostAsync(new Uri($"/api/applications/{app.Id}/withdraw?token={token}", UriKind.Relative), JsonContent.Create(new { reason = "We stoppen ermee." }));
        Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        await host.WaitForKindAsync(app.Id, "Withdrawn", 2);

        // Kept until the period is over: the retention instance waits on its timer.
        var retention = Orchestrations.Events.RetentionInstance(app.Id);
        await Wait.UntilAsync(async () => await host.Durable.GetInstanceAsync(retention) is not null, TimeSpan.FromSeconds(30), "the retention instance");
        Assert.NotNull(await host.ReadModel.GetAsync(app.Id, default));

        var done = await host.Durable.WaitForInstanceCompletionAsync(retention, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Null(await host.ReadModel.GetAsync(app.Id, default));
        foreach (var instance in new[] { app.Id, Orchestrations.Events.RoundInstance(app.Id, 1) })
        {
            Assert.Null(await host.Durable.GetInstanceAsync(instance));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var found = await StorageScan.FindAsync(azurite.ConnectionString, host.Prefix, [.. app.PersonalData, "We stoppen ermee."]);
        Assert.True(found.Count == 0, "left behind:\n" + string.Join("\n", found.Distinct()));

        var statistics = Assert.Single(await host.Services.GetRequiredService<StatisticsStore>().ListAsync("fast", default));
        Assert.Equal(nameof(Domain.Stage.Withdrawn), statistics.FinalStage);
        var line = Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.ErasedByRetention], 10, default));
        Assert.Equal(AuditLog.RetentionActor, line.Actor);
    }
}
