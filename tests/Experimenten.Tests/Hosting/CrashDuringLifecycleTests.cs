using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Experimenten.Tests.Hosting;

/// <summary>kill -9 of the self-host in the middle of a review round and in the middle of monitoring loses no decision, email or timer.</summary>
[Collection(StorageCollection.Name)]
public sealed class CrashDuringLifecycleTests(Azurite azurite)
{
    [Fact]
    public async Task Decisions_emails_and_report_timers_survive_kill_9_during_review_and_during_monitoring()
    {
        await using var host = new SelfHostProcess(azurite, new Dictionary<string, string> { ["Seeds__Path"] = Path.Combine(AppContext.BaseDirectory, "test-seeds") });
        await host.StartAsync();

        var submitted = await host.Client.PostAsync(new Uri($"{host.BaseUrl}/api/applications"),
            new Infrastructure.TestApplication().With("callId", "fast").With("welfareOrganisation", "Welzijn Oost").ToContent());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var invitations = await MailAsync(host, id, "ReviewInvitation", 3);

        // A decision is recorded, then the host dies at once.
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(host, invitations[0])).StatusCode);
        await host.KillAsync();
        await host.StartAsync();

        // The second decision after the restart completes the quorum: the first one was not lost.
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(host, invitations[1])).StatusCode);
        await MailAsync(host, id, "Approved", 2, TimeSpan.FromSeconds(120));

        // Monitoring: the host dies as the approval goes out, before the first report reminder is due;
        // the reminder's timer still fires after the restart.
        await host.KillAsync();
        var restarted = DateTimeOffset.UtcNow;
        await host.StartAsync();
        var due = await MailAsync(host, id, "ReportDueSoon", 2, TimeSpan.FromSeconds(120));

        var all = await AllMailAsync(host, id);
        Assert.Equal(3, all.Count(m => Kind(m) == "ReviewInvitation"));
        Assert.Equal(2, all.Count(m => Kind(m) == "Received"));
        Assert.Equal(2, all.Count(m => Kind(m) == "Approved"));
        Assert.Equal(2, due.Length);
        Assert.All(due, m => Assert.True(m.GetProperty("sentAt").GetDateTimeOffset() > restarted, "the reminder was sent after the restart"));
    }

    static Task<HttpResponseMessage> DecideAsync(SelfHostProcess host, JsonElement invitation)
    {
        var link = invitation.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).Single(l => l.Contains("/review/", StringComparison.Ordinal));
        return host.Client.PostAsync(new Uri(link), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));
    }

    static string Kind(JsonElement mail) => mail.GetProperty("key").GetString()!.Split('|')[1];

    static async Task<JsonElement[]> AllMailAsync(SelfHostProcess host, string id) =>
        [.. (await host.Client.GetFromJsonAsync<JsonElement[]>(new Uri($"{host.BaseUrl}/dev/mail.json")))!.Where(m => m.GetProperty("applicationId").GetString() == id)];

    static async Task<JsonElement[]> MailAsync(SelfHostProcess host, string id, string kind, int count, TimeSpan? timeout = null)
    {
        JsonElement[] found = [];
        await Wait.UntilAsync(async () => (found = [.. (await AllMailAsync(host, id)).Where(m => Kind(m) == kind)]).Length >= count,
            timeout ?? TimeSpan.FromSeconds(60), $"{count} {kind} emails for {id}\n{host.Output}");
        return found;
    }
}
