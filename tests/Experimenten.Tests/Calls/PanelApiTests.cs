using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Experimenten.Tests.Infrastructure;
using static Experimenten.Tests.Calls.CallApi;

namespace Experimenten.Tests.Calls;

/// <summary>
/// The review panel kept by coordinators: a removed reviewer keeps nothing (their link stops, the round asks the
/// next one), a paused reviewer is not invited to a new round.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class PanelApiTests(Azurite azurite) : IAsyncLifetime
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

    async Task<string> CallWithAsync(string id, params string[] panel)
    {
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(Url("/api/coordinator/calls"), JsonContent.Create(NewCall(id, panel)))).StatusCode);
        var response = await client.PostAsync(Url("/api/applications"), new TestApplication().With("callId", id).ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    static string Link(Email.OutboxMessage mail, string kind) => mail.Links.Single(l => l.Contains(kind, StringComparison.Ordinal));

    [Fact]
    public async Task A_removed_reviewer_keeps_nothing_their_link_stops_and_the_round_asks_the_next_reviewer()
    {
        var first = await coordinator.AddReviewerAsync("Iris Vos", "iris@example.org");
        var next = await coordinator.AddReviewerAsync("Ruben Smit", "ruben@example.org");
        var id = await CallWithAsync("wissel", first, next);
        var invitation = Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 1));
        Assert.Equal("iris@example.org", invitation.To);

        var removed = await coordinator.PostAsync(Url($"/api/coordinator/reviewers/{first}/remove"), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var body = await ReadAsync(removed);
        Assert.Equal("removed", body["reviewer"]!["status"]!.GetValue<string>());
        Assert.Equal("", body["reviewer"]!["email"]!.GetValue<string>());
        var handedOn = Assert.Single(body["handedOn"]!.AsArray());
        Assert.Equal((id, 1, next), (handedOn!["applicationId"]!.GetValue<string>(), handedOn["round"]!.GetValue<int>(), handedOn["replacement"]!.GetValue<string>()));

        // Their link no longer opens the round, nor the plan; the next reviewer is invited and decides.
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(SelfHostFactory.Local(Link(invitation, "/review/")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SelfHostFactory.Local(Link(invitation, "/plan/")))).StatusCode);
        var replacement = (await host.WaitForKindAsync(id, "ReviewInvitation", 2)).Single(m => m.To == "ruben@example.org");
        using var decision = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = "" });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(Link(replacement, "/review/")), decision)).StatusCode);
        await host.WaitForKindAsync(id, "Approved", 2);

        // The panel still names them (for the timelines they were part of), without an address; a removed reviewer cannot be removed again or edited.
        var panel = await coordinator.GetFromJsonAsync<JsonArray>(Url("/api/coordinator/reviewers"));
        Assert.Equal("removed", panel!.Single(r => r!["id"]!.GetValue<string>() == first)!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(Url($"/api/coordinator/reviewers/{first}/remove"), JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsync(Url($"/api/coordinator/reviewers/{first}"), JsonContent.Create(new { name = "Iris Vos", email = "iris@example.org", language = "nl" }))).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_paused_after_the_first_round_is_not_invited_to_the_next_one()
    {
        var first = await coordinator.AddReviewerAsync("Lotte Kok", "lotte@example.org");
        var second = await coordinator.AddReviewerAsync("Daan Mulder", "daan@example.org");
        var id = await CallWithAsync("pauze", first, second);
        var invitation = Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 1));
        Assert.Equal("lotte@example.org", invitation.To);

        using (var changes = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "changes", ["comment"] = "Vertel meer over wie wat doet." }))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(Link(invitation, "/review/")), changes)).StatusCode);
        }

        var asked = await host.WaitForKindAsync(id, "ChangesRequested", 2);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(Url($"/api/coordinator/reviewers/{first}/pause"), JsonContent.Create(new { }))).StatusCode);

        using var revision = new MultipartFormDataContent { { new StringContent("Anna regelt de sleutels, Bram de vrijwilligers."), "text" } };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(Link(asked[0], "/revision/")), revision)).StatusCode);
        var round2 = Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 1, round: 2));
        Assert.Equal("daan@example.org", round2.To);

        // Resumed, they are asked again for what comes next.
        var resumed = await coordinator.PostAsync(Url($"/api/coordinator/reviewers/{first}/resume"), JsonContent.Create(new { }));
        Assert.Equal("active", (await ReadAsync(resumed))["reviewer"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reviewer_needs_a_name_and_a_real_address()
    {
        var refused = await coordinator.PostAsync(Url("/api/coordinator/reviewers"), JsonContent.Create(new { name = "", email = "niet-een-adres", language = "fr" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await ReadAsync(refused))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name") && errors.ContainsKey("email") && errors.ContainsKey("language"), errors.ToJsonString());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, "{0}", 4), (await coordinator.GetFromJsonAsync<JsonArray>(Url("/api/coordinator/reviewers")))!.Count.ToString(CultureInfo.InvariantCulture));
    }
}
