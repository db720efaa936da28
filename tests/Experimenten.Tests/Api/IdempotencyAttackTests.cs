using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Testing;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Api;

/// <summary>
/// An attacker who knows (or guesses) someone's Idempotency-Key tries to be handed their application:
/// its id, a status link, a way to withdraw it or take its contacts over.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class IdempotencyAttackTests(Azurite azurite)
{
    static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, TestApplication application, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = application.ToContent() };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>The applications' own lifecycles: review rounds and report cycles start on their own time.</summary>
    static async Task<List<string>> ApplicationsAsync(SelfHostFactory host)
    {
        var ids = new List<string>();
        await foreach (var instance in host.Durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { PageSize = 100 }))
        {
            if (!instance.InstanceId.Contains(':', StringComparison.Ordinal))
            {
                ids.Add(instance.InstanceId);
            }
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Someone_elses_key_with_other_content_answers_422_and_reveals_nothing()
    {
        await using var host = new SelfHostFactory(azurite);
        var client = await host.StartAsync();
        var victim = await SubmitAsync(client, new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf"), "shared-key-1");
        Assert.Equal(HttpStatusCode.Accepted, victim.StatusCode);
        var victimId = (await victim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await host.WaitForKindAsync(victimId, "Received", 2);
        var applications = await ApplicationsAsync(host);

        // The attacker sends their own content under the victim's key.
        var attack = await SubmitAsync(client, new TestApplication()
            .With("residentContactName", "Mallory").With("residentContactEmail", "mallory@example.org")
            .With("welfareContactEmail", "mallory2@example.org"), "shared-key-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, attack.StatusCode);
        Assert.Equal("application/problem+json", attack.Content.Headers.ContentType?.MediaType);
        var body = await attack.Content.ReadAsStringAsync();
        Assert.Equal("urn:experimenten:problem:idempotency-key-reused", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain(victimId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Samen de buurtkamer", body, StringComparison.Ordinal);

        // Nothing changed for the victim, nothing new was made, nobody was mailed.
        Assert.Equal(applications, await ApplicationsAsync(host));
        var view = (await host.ReadModel.GetAsync(victimId, default))!;
        Assert.Equal("anna@example.org", view.ResidentContact.Email);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await host.Outbox.ListAsync(default), m => m.To.StartsWith("mallory", StringComparison.Ordinal));

        // A file that differs by one byte is other content too.
        var pdf = TestApplication.Pdf();
        pdf[^1] ^= 1;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SubmitAsync(client, new TestApplication().WithFile(pdf, "plan.pdf"), "shared-key-1")).StatusCode);

        // The victim's own retry (same key, same content) still answers their application.
        var retry = await SubmitAsync(client, new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf"), "shared-key-1");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(victimId, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_published_seed_applications_cannot_be_reached_by_any_key()
    {
        await using var host = new SelfHostFactory(azurite, b =>
        {
            b.UseSetting("Seeds:Path", Path.Combine(Repo.Root, "seeds"));
            b.UseSetting("Seeds:SubmitDemoApplications", "true");
        });
        var client = await host.StartAsync();
        var seeds = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repo.Root, "seeds", "applications.json"))).RootElement.EnumerateArray().ToList();
        await Wait.UntilAsync(async () => await host.InstanceCountAsync() >= seeds.Count, TimeSpan.FromSeconds(60), "the seed applications are submitted");
        var seeded = new HashSet<string>();
        await foreach (var instance in host.Durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { PageSize = 100 }))
        {
            seeded.Add(instance.InstanceId);
        }

        // Everything in the public file, sent back with every key a stranger could think of.
        foreach (var seed in seeds)
        {
            var application = new TestApplication();
            foreach (var field in application.Fields.Keys.ToList())
            {
                if (seed.TryGetProperty(field, out var value))
                {
                    application.With(field, value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!);
                }
            }

            var seedId = seed.GetProperty("seedId").GetString()!;
            foreach (var key in new[] { seedId, "seed-" + seedId, $"seed\n{seedId}".Replace('\n', ' ') })
            {
                var response = await SubmitAsync(client, application, key);
                Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.UnprocessableEntity, $"{key}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    Assert.DoesNotContain(id, seeded);
                }
            }
        }
    }
}
