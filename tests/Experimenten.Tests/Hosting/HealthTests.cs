using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Health;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>
/// What a load balancer and an operator see: <c>/healthz</c> says the process answers, <c>/readyz</c> says whether it
/// can do its work and, when not, which part failed.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class HealthTests(Azurite azurite)
{
    static readonly Uri Alive = new("/healthz", UriKind.Relative);
    static readonly Uri Ready = new("/readyz", UriKind.Relative);

    [Fact]
    public async Task A_running_host_is_alive_and_ready_and_names_each_check_it_made()
    {
        await using var host = new SelfHostFactory(azurite);
        var client = await host.StartAsync();

        var alive = await client.GetAsync(Alive);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("alive", (await alive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var ready = await client.GetAsync(Ready);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(ready.Headers.CacheControl?.NoStore, "a probe's answer must never come from a cache");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString());
        Assert.Equal(["durable-runtime", "email", "storage"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, status => Assert.Equal("healthy", status));
    }

    [Fact]
    public async Task When_storage_goes_away_readyz_answers_503_naming_storage_while_healthz_stays_alive()
    {
        // Its own Azurite, so stopping it takes nothing from the other tests.
        var own = new Azurite();
        await own.InitializeAsync();
        var stopped = false;
        var host = new SelfHostFactory(own);
        try
        {
            var client = await host.StartAsync();
            var before = await client.GetAsync(Ready);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            var body = await before.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Blobs and tables answer.", body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString());

            await own.DisposeAsync();
            stopped = true;

            HttpResponseMessage? after = null;
            await Wait.UntilAsync(async () => (after = await client.GetAsync(Ready)).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "readyz never noticed that storage stopped");
            var text = await after!.Content.ReadAsStringAsync();
            var report = JsonSerializer.Deserialize<JsonElement>(text);
            Assert.Equal("unhealthy", report.GetProperty("status").GetString());
            var storage = report.GetProperty("checks").GetProperty("storage");
            Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
            Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("healthy", report.GetProperty("checks").GetProperty("email").GetProperty("status").GetString());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Alive)).StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
            if (!stopped)
            {
                await own.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Email_refused_by_SendGrid_again_and_again_shows_as_degraded_with_its_answer_and_recovers_after_a_send()
    {
        await using var sendGrid = new FakeSendGrid();
        await sendGrid.StartAsync();
        // Both contacts' confirmations go out side by side, so each attempt costs two answers: refuse them all,
        // attempt after attempt, until the transport has failed often enough in a row.
        sendGrid.Answer(Enumerable.Repeat(401, 2 * EmailHealthCheck.FailuresInARow).ToArray());
        await using var host = new SelfHostFactory(azurite, b =>
        {
            b.UseSetting("SendGrid:ApiKey", "SG.test-key-not-a-secret");
            b.UseSetting("SendGrid:Host", sendGrid.Url);
        });
        var client = await host.StartAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().ToContent())).StatusCode);

        // Degraded is still 200: every host sends through the same SendGrid, so taking this one out would not help.
        JsonElement email = default;
        await Wait.UntilAsync(
            async () => (email = await EmailCheckAsync(client)).GetProperty("status").GetString() == "degraded",
            TimeSpan.FromSeconds(60),
            "readyz never reported the failing email transport");
        Assert.Contains("401", email.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("SendGrid", email.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Ready)).StatusCode);

        // The orchestration retries; once SendGrid accepts again, the check clears.
        await Wait.UntilAsync(
            async () => (await EmailCheckAsync(client)).GetProperty("status").GetString() == "healthy",
            TimeSpan.FromSeconds(90),
            "the email check never cleared after SendGrid accepted again");
        Assert.NotEmpty(sendGrid.Delivered);
    }

    static async Task<JsonElement> EmailCheckAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(Ready)).GetProperty("checks").GetProperty("email");
}
