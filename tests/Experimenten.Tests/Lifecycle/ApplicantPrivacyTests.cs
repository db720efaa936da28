using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Domain;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Lifecycle;

/// <summary>Applicants see what happened on the fund's side, never who did it; coordinators do see who.</summary>
[Collection(StorageCollection.Name)]
public sealed class ApplicantPrivacyTests(Azurite azurite) : IAsyncLifetime
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
    public async Task The_applicants_timeline_names_no_reviewer_and_no_coordinator()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "fast").ToContent());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var invitations = await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        var token = await host.StatusTokenAsync(id, "resident");

        // A reviewer decides, a coordinator moves the deadline.
        using var decision = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["comment"] = "Mooi plan." });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SelfHostFactory.Local(invitations[0].Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))), decision)).StatusCode);
        var moved = await host.CoordinatorClient().PostAsync(new Uri($"/api/coordinator/applications/{id}/deadline", UriKind.Relative),
            JsonContent.Create(new { deadline = DateTimeOffset.UtcNow.AddDays(3), reason = "Vakantie" }));
        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);
        await Wait.UntilAsync(async () => (await host.ReadModel.GetTimelineAsync(id, default)).Any(t => t.Kind == "Decision"), TimeSpan.FromSeconds(30), "the decision is in the timeline");

        // Who is on the fund's side, from the code's own panel and settings.
        var panel = (await host.Services.GetRequiredService<CallCatalog>().GetAsync(default)).Panel.Reviewers;
        string[] fundSide = [.. panel.Select(r => r.Name), .. panel.Select(r => r.Id), SelfHostFactory.CoordinatorUser];

        var api = await client.GetStringAsync(new Uri($"/api/applications/{id}?token={token}", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri($"/status/{token}", UriKind.Relative));
        Assert.Contains("een beoordelaar koos", api, StringComparison.Ordinal);
        Assert.Contains("deadline", page, StringComparison.OrdinalIgnoreCase);
        foreach (var name in fundSide)
        {
            Assert.DoesNotContain(name, api, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, page, StringComparison.OrdinalIgnoreCase);
        }

        // The coordinator's page still says who did what.
        var detail = await host.CoordinatorClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/coordinator/applications/{id}", UriKind.Relative));
        var actors = detail.GetProperty("timeline").EnumerateArray().Select(t => t.TryGetProperty("actor", out var a) ? a.GetString() : null).ToList();
        Assert.Contains(SelfHostFactory.CoordinatorUser, actors);
        Assert.Contains(actors, a => a is not null && panel.Any(r => r.Name == a));
    }
}
