using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Experimenten.Tests.Infrastructure;
using static Experimenten.Tests.Calls.CallApi;

namespace Experimenten.Tests.Calls;

/// <summary>
/// Calls and reviewers made by a coordinator through the API (issue: calls belong to the fund): an application to the
/// new call reaches the new reviewer; a later change leaves it as it was; closing takes the call off the form at once.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CallsAdminApiTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;
    HttpClient coordinator = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
        coordinator = host.CoordinatorClient();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<string> SubmitAsync(string callId)
    {
        var response = await client.PostAsync(Url("/api/applications"), new TestApplication().With("callId", callId).ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_new_call_with_a_new_reviewer_takes_an_application_and_the_reviewer_is_invited()
    {
        var reviewer = await coordinator.AddReviewerAsync("Mila Özdemir", "mila@example.org", "Stichting Anders");
        Assert.Equal("mila-ozdemir", reviewer);
        var created = await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(NewCall("buurt-aan-zet", [reviewer])));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await ReadAsync(created))["version"]!.GetValue<int>());

        var offered = await client.GetFromJsonAsync<JsonArray>(Url("/api/calls"));
        Assert.Contains(offered!, c => c!["id"]!.GetValue<string>() == "buurt-aan-zet" && c["isOpen"]!.GetValue<bool>());
        Assert.Contains("buurt-aan-zet", await client.GetStringAsync(Url("/")), StringComparison.Ordinal);

        var id = await SubmitAsync("buurt-aan-zet");
        var invitation = Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 1));
        Assert.Equal("mila@example.org", invitation.To);
    }

    [Fact]
    public async Task Changing_the_review_period_leaves_a_running_application_as_it_was_and_applies_to_the_next()
    {
        var reviewer = await coordinator.AddReviewerAsync("Sem de Wit", "sem@example.org");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(NewCall("periode", [reviewer], "P14D")))).StatusCode);
        var first = await SubmitAsync("periode");
        await host.WaitForKindAsync(first, "ReviewInvitation", 1);
        var before = (await host.ReadModel.GetAsync(first, default))!.NextDeadline!.Value;

        var changed = NewCall("periode", [reviewer], "P30D");
        changed["version"] = 1;
        var saved = await coordinator.PutAsync(Url("/api/coordinator/calls/periode"), JsonContent.Create(changed));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("P30D", (await ReadAsync(saved))["review"]!["period"]!.GetValue<string>());

        // A reminder now makes the running round write its deadline again: still the one of P14D.
        Assert.Equal(HttpStatusCode.Accepted, (await coordinator.PostAsync(Url($"/api/coordinator/applications/{first}/remind"), JsonContent.Create(new { }))).StatusCode);
        await host.WaitForKindAsync(first, "ReviewReminderDue", 1);
        Assert.Equal(before, (await host.ReadModel.GetAsync(first, default))!.NextDeadline);
        Assert.InRange(before - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));

        var second = await SubmitAsync("periode");
        await host.WaitForKindAsync(second, "ReviewInvitation", 1);
        Assert.InRange((await host.ReadModel.GetAsync(second, default))!.NextDeadline!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));

        // The same version twice: somebody else saved meanwhile.
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutAsync(Url("/api/coordinator/calls/periode"), JsonContent.Create(changed))).StatusCode);

        // The audit record: who, when, and what was before.
        var history = await coordinator.GetFromJsonAsync<JsonArray>(Url("/api/coordinator/calls/periode/history"));
        Assert.Equal(2, history!.Count);
        var edit = history[0]!;
        Assert.Equal(SelfHostFactory.CoordinatorUser, edit["by"]!.GetValue<string>());
        Assert.Equal("Edited", edit["kind"]!.ToString());
        var period = Assert.Single(edit["changes"]!.AsArray());
        Assert.Equal(("review.period", "P14D", "P30D"), (period!["field"]!.GetValue<string>(), period["before"]!.GetValue<string>(), period["after"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Closing_a_call_early_takes_it_off_the_form_and_the_api_at_once_and_refuses_submissions()
    {
        var reviewer = await coordinator.AddReviewerAsync("Noor Bakker", "noor@example.org");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(NewCall("vroeg-dicht", [reviewer])))).StatusCode);
        Assert.Contains("vroeg-dicht", await client.GetStringAsync(Url("/")), StringComparison.Ordinal);

        var closed = await coordinator.PostAsync(Url("/api/coordinator/calls/vroeg-dicht/close"), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.False((await ReadAsync(closed))["isOpen"]!.GetValue<bool>());

        Assert.DoesNotContain("vroeg-dicht", await client.GetStringAsync(Url("/")), StringComparison.Ordinal);
        var offered = await client.GetFromJsonAsync<JsonArray>(Url("/api/calls"));
        Assert.False(offered!.Single(c => c!["id"]!.GetValue<string>() == "vroeg-dicht")!["isOpen"]!.GetValue<bool>());
        var refused = await client.PostAsync(Url("/api/applications"), new TestApplication().With("callId", "vroeg-dicht").ToContent());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("urn:experimenten:problem:call-closed", (await ReadAsync(refused))["type"]!.GetValue<string>());

        var history = await coordinator.GetFromJsonAsync<JsonArray>(Url("/api/coordinator/calls/vroeg-dicht/history"));
        Assert.True(history![0]!["forEveryone"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync(Url("/api/coordinator/calls/vroeg-dicht/close"), JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task Each_wrong_field_of_a_call_says_what_is_wrong_and_nothing_is_stored()
    {
        var call = NewCall("fout", ["annelies-bakker"]);
        call["review"]!["period"] = "14 dagen";
        call["closesAt"] = DateTimeOffset.UtcNow.AddDays(-30).ToString("O", CultureInfo.InvariantCulture);
        call["retention"]!["afterClosed"] = "zes maanden";
        call["review"]!["approvalsNeeded"] = 3;
        var refused = await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(call));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await ReadAsync(refused))["errors"]!.AsObject();
        Assert.Contains("14 dagen", errors["review.period"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("openingsmoment", errors["closesAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("P24M", errors["retention.afterClosed"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3", errors["review.approvalsNeeded"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Url("/api/coordinator/calls/fout"))).StatusCode);

        // A rule the call's panel cannot meet: two approvals from a panel of one.
        var tooFew = NewCall("te-klein", ["annelies-bakker"]);
        tooFew["review"]!["reviewersPerRound"] = 0;
        tooFew["review"]!["approvalsNeeded"] = 2;
        var panel = await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(tooFew));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, panel.StatusCode);
        Assert.Contains("1 actieve", (await ReadAsync(panel))["errors"]!["panel"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Only a coordinator, only JSON.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(NewCall("anoniem", ["annelies-bakker"])))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await coordinator.PostAsync(Url("/api/coordinator/calls"), new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "x" }))).StatusCode);
    }

    [Fact]
    public async Task The_preview_gives_the_dates_of_one_application_without_saving()
    {
        var preview = await coordinator.PostAsync(Url("/api/coordinator/calls/preview"), JsonContent.Create(NewCall("voorbeeld", ["annelies-bakker"])));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var schedule = (await ReadAsync(preview))["schedule"]!.AsArray();
        var due = schedule.Single(l => l!["what"]!.GetValue<string>() == "Schedule.Review.Due")!["at"]!.GetValue<DateTimeOffset>();
        Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        var final = schedule.Single(l => l!["what"]!.GetValue<string>() == "Schedule.FinalReport.Due")!["at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(120), final - due);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Url("/api/coordinator/calls/voorbeeld"))).StatusCode);
    }
}
