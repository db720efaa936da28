using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Experimenten.Privacy;
using Experimenten.Storage;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Privacy;

/// <summary>
/// Erasing an application now (AVG art. 17) leaves no trace of its contacts anywhere in the test's storage or task
/// hub: a running one (in review, with a plan file, emails, a decision and a data request) through the JSON API, a
/// finished one through the detail page's form. One anonymous statistics row and one audit line remain.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ErasureTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Erasing_an_application_in_review_leaves_no_trace_of_its_contacts_and_keeps_statistics_and_audit()
    {
        var app = await PrivacyFlow.SubmitAsync(client);
        var invitations = await host.WaitForKindAsync(app.Id, "ReviewInvitation", 3);
        using (var decision = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = "Goed plan." }))
        {
            var review = invitations[0].Links.Single(l => l.Contains("/review/", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(review), decision)).StatusCode);
        }

        // A data request too: its row and the coordinator's email must go as well.
        var token = await host.StatusTokenAsync(app.Id, "resident");
        var csrf = await PrivacyFlow.CsrfAsync(client, $"/status/{token}");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf }))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/status/{token}/data-request", UriKind.Relative), form)).StatusCode);
        }

        Assert.NotEmpty(await StorageScan.FindAsync(azurite.ConnectionString, host.Prefix, app.PersonalData));
        Assert.Equal(Domain.Stage.InReview, (await host.ReadModel.GetAsync(app.Id, default))!.Stage);

        var coordinator = host.CoordinatorClient();
        var erased = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/erase", UriKind.Relative), JsonContent.Create(new { reason = "Verzoek om verwijdering", confirm = true }));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var report = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("found").GetBoolean());
        var instances = report.GetProperty("instances").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Contains(app.Id, instances);
        Assert.Contains($"{app.Id}:review:1", instances);
        var rows = report.GetProperty("rows");
        Assert.Equal(1, rows.GetProperty(StorageNames.ApplicationsTable).GetInt32());
        Assert.Equal(3, rows.GetProperty(StorageNames.ReviewsTable).GetInt32());
        Assert.Equal(1, rows.GetProperty(StorageNames.DataRequestsTable).GetInt32());
        Assert.True(rows.GetProperty(StorageNames.TimelineTable).GetInt32() >= 2);
        Assert.True(rows.GetProperty(StorageNames.OutboxTable).GetInt32() >= 6, "the contacts' and reviewers' emails and the data request's");
        Assert.True(report.GetProperty("indexRows").GetInt32() >= 4, "the list index holds four copies");
        Assert.Equal(1, report.GetProperty("files").GetInt32());

        await AssertNoTraceAsync(app);
        await AssertKeptAsync(app.Id, "fast", AuditAction.Erased, SelfHostFactory.CoordinatorUser, "Verzoek om verwijdering");

        // Again: a clear "not found" for the coordinator, nothing for the retention, and still one statistics row.
        var again = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/erase", UriKind.Relative), JsonContent.Create(new { reason = "Nog eens", confirm = true }));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var retention = await host.Services.GetRequiredService<ApplicationErasure>()
            .EraseAsync(app.Id, ErasureCause.Retention, "bewaartermijn", AuditLog.RetentionActor, host.Durable, default, exceptInstanceId: Orchestrations.Events.RetentionInstance(app.Id));
        Assert.False(retention.Found);
        await AssertKeptAsync(app.Id, "fast", AuditAction.Erased, SelfHostFactory.CoordinatorUser, "Verzoek om verwijdering");
    }

    [Fact]
    public async Task Erasing_a_finished_application_from_its_page_leaves_no_trace_and_lands_on_the_list_with_a_notice()
    {
        var app = await PrivacyFlow.SubmitAsync(client, withFile: false);
        var invitations = await host.WaitForKindAsync(app.Id, "ReviewInvitation", 3);
        foreach (var invitation in invitations.Take(2))
        {
            using var decision = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "reject", ["comment"] = "Te weinig bewoners." });
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(invitation.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))), decision)).StatusCode);
        }

        await host.WaitForKindAsync(app.Id, "Rejected", 2);
        await Wait.UntilAsync(async () => (await host.Durable.GetInstanceAsync(app.Id))?.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, TimeSpan.FromSeconds(30), "the lifecycle completed");

        var page = PrivacyFlow.NoRedirects(host, coordinator: true);
        var csrf = await PrivacyFlow.CsrfAsync(page, $"/coordinator/applications/{app.Id}");

        // Without the tick nothing happens; with it the page goes back to the list.
        using (var unconfirmed = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf, ["reason"] = "Verzoek van de bewoners" }))
        {
            var refused = await page.PostAsync(new Uri($"/coordinator/applications/{app.Id}/erase", UriKind.Relative), unconfirmed);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(await host.ReadModel.GetAsync(app.Id, default));
        }

        using (var confirmed = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf, ["reason"] = "Verzoek van de bewoners", ["confirm"] = "yes" }))
        {
            var done = await page.PostAsync(new Uri($"/coordinator/applications/{app.Id}/erase", UriKind.Relative), confirmed);
            Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
            Assert.Equal("/coordinator?done=erased", done.Headers.Location!.OriginalString);
        }

        var list = await page.GetStringAsync(new Uri("/coordinator?done=erased", UriKind.Relative));
        Assert.Contains("De aanvraag is gewist.", list, StringComparison.Ordinal);
        Assert.Contains(app.Id, list, StringComparison.Ordinal);
        Assert.Contains("Verzoek van de bewoners", list, StringComparison.Ordinal);

        await AssertNoTraceAsync(app);
        await AssertKeptAsync(app.Id, "fast", AuditAction.Erased, SelfHostFactory.CoordinatorUser, "Verzoek van de bewoners");
        var row = Assert.Single(await host.Services.GetRequiredService<StatisticsStore>().ListAsync("fast", default));
        Assert.Equal(nameof(Domain.Stage.Rejected), row.FinalStage);
        Assert.Contains(nameof(Domain.Stage.InReview), row.Reached.Keys);
        Assert.Contains(nameof(Domain.Stage.Rejected), row.Reached.Keys);
        Assert.Equal(7500, row.AmountRequestedRounded);
    }

    [Fact]
    public async Task Nobody_without_a_coordinator_sign_in_can_erase_not_even_with_the_applicants_status_link()
    {
        var app = await PrivacyFlow.SubmitAsync(client, withFile: false);
        var token = await host.StatusTokenAsync(app.Id, "resident");
        var anonymous = await client.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/erase?token={token}", UriKind.Relative), JsonContent.Create(new { reason = "weg", confirm = true }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var page = PrivacyFlow.NoRedirects(host, coordinator: false);
        var csrf = await PrivacyFlow.CsrfAsync(page, $"/status/{token}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf, ["reason"] = "weg", ["confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.PostAsync(new Uri($"/coordinator/applications/{app.Id}/erase", UriKind.Relative), form)).StatusCode);
        Assert.NotNull(await host.ReadModel.GetAsync(app.Id, default));
        Assert.Empty(await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.Erased], 10, default));
    }

    /// <summary>Every table, container and queue of the prefix (the task hub's too), a few seconds later: no late write brings anything back.</summary>
    async Task AssertNoTraceAsync(PrivateApplication app)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var searched = await StorageScan.NamesAsync(azurite.ConnectionString, host.Prefix);
        Assert.Contains(searched, n => n.EndsWith("History", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(searched, n => n.StartsWith("queue:", StringComparison.Ordinal));
        Assert.Contains(searched, n => n == "container:" + host.Prefix + StorageNames.PlansContainer);
        var found = await StorageScan.FindAsync(azurite.ConnectionString, host.Prefix, app.PersonalData);
        Assert.True(found.Count == 0, "left behind:\n" + string.Join("\n", found.Distinct()));
        foreach (var instance in new[] { app.Id, $"{app.Id}:review:1" })
        {
            Assert.Null(await host.Durable.GetInstanceAsync(instance));
        }
    }

    async Task AssertKeptAsync(string id, string callId, AuditAction action, string actor, string reason)
    {
        var lines = await host.Services.GetRequiredService<AuditLog>().ListAsync(id, [action], 10, default);
        var line = Assert.Single(lines);
        Assert.Equal(actor, line.Actor);
        Assert.Equal(reason, line.Reason);
        var statistics = await host.Services.GetRequiredService<StatisticsStore>().ListAsync(callId, default);
        var row = Assert.Single(statistics);
        Assert.NotEqual(id, row.Id);
        Assert.DoesNotContain(id, JsonSerializer.Serialize(row), StringComparison.Ordinal);

        // Nothing else in the statistics table links it back.
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.Prefix + StorageNames.StatisticsTable);
        await foreach (var e in table.QueryAsync<TableEntity>())
        {
            Assert.DoesNotContain(id, string.Join("|", e.Select(p => p.Value?.ToString())), StringComparison.Ordinal);
        }
    }
}
