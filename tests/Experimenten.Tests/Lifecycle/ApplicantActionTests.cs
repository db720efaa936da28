using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Lifecycle;

/// <summary>What applicants and coordinators change while a round runs: withdraw, hand-over, reassign, cancel.</summary>
[Collection(StorageCollection.Name)]
public sealed class ApplicantActionTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Submits and returns the residents' contact's status token, from their confirmation email.</summary>
    async Task<(string Id, string Token)> SubmitAsync(string welfare = "Welzijn Oost")
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "fast").With("welfareOrganisation", welfare).ToContent());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, await host.StatusTokenAsync(id, "resident"));
    }

    [Fact]
    public async Task Withdrawing_during_review_ends_the_application_and_closes_the_round()
    {
        var (id, token) = await SubmitAsync();
        var invitation = (await host.WaitForKindAsync(id, "ReviewInvitation", 3))[0];

        var response = await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative), JsonContent.Create(new { reason = "De school gaat dicht" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = await host.WaitForKindAsync(id, "Withdrawn", 2);
        Assert.All(mail, m => Assert.Contains("De school gaat dicht", m.Text, StringComparison.Ordinal));
        await Wait.UntilAsync(async () => (await host.ReadModel.GetAsync(id, default))!.Stage == Domain.Stage.Withdrawn, TimeSpan.FromSeconds(10), "stage Withdrawn");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(SelfHostFactory.Local(invitation.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))), form)).StatusCode);
        var again = await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token=forged", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_cannot_be_read_withdraws_nothing()
    {
        var (id, token) = await SubmitAsync();
        var withdraw = new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative);

        using var broken = new StringContent("{\"reason\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(withdraw, broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:experimenten:problem:malformed-body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(withdraw, JsonContent.Create(new { reason = new string('x', 100_000) }))).StatusCode);

        var view = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/applications/{id}?token={token}", UriKind.Relative));
        Assert.False(view.GetProperty("final").GetBoolean());
    }

    [Fact]
    public async Task A_handed_over_contact_gets_the_future_mail_and_the_old_one_is_told_and_keeps_no_working_link()
    {
        var (id, token) = await SubmitAsync();
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);

        var bad = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative), JsonContent.Create(new { role = "mayor", name = "", email = "nope" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("role", out _) && errors.TryGetProperty("name", out _) && errors.TryGetProperty("email", out _));

        // A name with a line break would end up in the greeting of every email: refused, by field.
        var injected = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative), JsonContent.Create(new { role = "resident", name = "Carla\r\nBcc: x@example.org", email = "carla@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, injected.StatusCode);
        Assert.True((await injected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));

        var response = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative), JsonContent.Create(new { role = "resident", name = "Carla Smit", email = "carla@example.org" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var told = Assert.Single(await host.WaitForKindAsync(id, "ContactHandedOver", 1));
        Assert.Equal("anna@example.org", told.To);
        Assert.Contains("Carla Smit", told.Text, StringComparison.Ordinal);
        Assert.Contains("werken daarom niet meer", told.Text, StringComparison.Ordinal);
        var welcome = Assert.Single(await host.WaitForKindAsync(id, "ContactWelcome", 1));
        Assert.Equal("carla@example.org", welcome.To);

        // Anna's links are dead: she can neither look, withdraw nor take the role back.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/status/{token}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/applications/{id}?token={token}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative), null)).StatusCode);
        var back = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative), JsonContent.Create(new { role = "resident", name = "Anna de Vries", email = "anna@example.org" }));
        Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
        Assert.Equal("carla@example.org", (await host.ReadModel.GetAsync(id, default))!.ResidentContact.Email);

        // Carla's own link works, and the next applicant email goes to Carla and Bram, not to Anna.
        var carla = welcome.Links.Single(l => l.Contains("/status/", StringComparison.Ordinal)).Split("/status/")[1];
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={carla}", UriKind.Relative), null)).StatusCode);
        var withdrawn = await host.WaitForKindAsync(id, "Withdrawn", 2);
        Assert.Equal(["bram@example.org", "carla@example.org"], withdrawn.Select(m => m.To).Order());
    }

    [Fact]
    public async Task The_welfare_organisations_link_cannot_cut_the_residents_out()
    {
        var (id, _) = await SubmitAsync();
        var welfare = await host.StatusTokenAsync(id, "welfare");

        // As the welfare contact: replace the residents' contact with myself, then withdraw.
        var takeover = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={welfare}", UriKind.Relative), JsonContent.Create(new { role = "resident", name = "Bram Jansen", email = "bram@example.org" }));
        Assert.Equal(HttpStatusCode.Forbidden, takeover.StatusCode);
        Assert.Equal("urn:experimenten:problem:not-your-role", (await takeover.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        var withdraw = await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={welfare}", UriKind.Relative), JsonContent.Create(new { reason = "wij stoppen" }));
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);

        // The status page offers neither: a welfare contact hands over only their own place.
        var page = await (await client.GetAsync(new Uri($"/status/{welfare}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"resident\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/withdraw", page, StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(1));
        var view = (await host.ReadModel.GetAsync(id, default))!;
        Assert.Equal("anna@example.org", view.ResidentContact.Email);
        Assert.NotEqual(Domain.Stage.Withdrawn, view.Stage);
        Assert.Equal(0, await host.CountKindAsync(id, "ContactHandedOver"));

        // Their own place they can hand over.
        var own = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={welfare}", UriKind.Relative), JsonContent.Create(new { role = "welfare", name = "Dirk Mol", email = "dirk@example.org" }));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task The_link_in_the_submission_answer_only_shows_the_status()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "fast").ToContent());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        var token = new Uri(accepted.GetProperty("statusUrl").GetString()!).Query.Split("token=")[1];

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/applications/{id}?token={token}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative), null)).StatusCode);
        var handover = await client.PostAsync(new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative), JsonContent.Create(new { role = "resident", name = "Mallory", email = "mallory@example.org" }));
        Assert.Equal(HttpStatusCode.Forbidden, handover.StatusCode);
        Assert.Equal("anna@example.org", (await host.ReadModel.GetAsync(id, default))!.ResidentContact.Email);
    }

    [Fact]
    public async Task A_coordinator_reassigns_a_reviewer_and_the_old_link_stops_counting()
    {
        var (id, _) = await SubmitAsync();
        var invitations = await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        var joost = invitations.Single(m => m.To.StartsWith("joost", StringComparison.Ordinal));
        var coordinator = host.CoordinatorClient();

        var conflict = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/reassign", UriKind.Relative), JsonContent.Create(new { from = "joost-van-dalen", to = "annelies-bakker" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);

        var response = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/reassign", UriKind.Relative), JsonContent.Create(new { from = "joost-van-dalen", to = "thomas-verbeek" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var thomas = Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 4), m => m.To.StartsWith("thomas", StringComparison.Ordinal));
        Assert.Equal("en", thomas.Html[(thomas.Html.IndexOf("lang=\"", StringComparison.Ordinal) + 6)..][..2]);

        await Wait.UntilAsync(async () => (await client.GetAsync(SelfHostFactory.Local(joost.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))))).StatusCode == HttpStatusCode.Conflict,
            TimeSpan.FromSeconds(10), "the replaced reviewer's link is refused");

        // Nor does the replaced reviewer read the plan any more; the new one does.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SelfHostFactory.Local(joost.Links.Single(l => l.Contains("/plan/", StringComparison.Ordinal))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SelfHostFactory.Local(thomas.Links.Single(l => l.Contains("/plan/", StringComparison.Ordinal))))).StatusCode);

        var cancel = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/cancel", UriKind.Relative), JsonContent.Create(new { reason = "Dubbele aanvraag" }));
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.All(await host.WaitForKindAsync(id, "Cancelled", 2), m => Assert.Contains("Dubbele aanvraag", m.Text, StringComparison.Ordinal));
    }
}
