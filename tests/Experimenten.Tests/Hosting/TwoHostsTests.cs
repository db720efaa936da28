using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.Submission;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>
/// Two self-hosts on one storage account behind a proxy (docs/deploy.md, on premises): the durable backend shares its
/// control-queue partitions between them through leases, so when one dies the other carries its applications on.
/// They share the signing key, the coordinator credentials and the data-protection key ring through configuration
/// and storage, never through one host's data folder.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed partial class TwoHostsTests(Azurite azurite)
{
    /// <summary>The proxy's public name: links point here, whichever host made them.</summary>
    const string PublicBase = "http://experimenten.test";

    [Fact]
    public async Task Killing_either_host_mid_review_and_mid_monitoring_loses_nothing_and_sends_every_email_once()
    {
        await using var sendGrid = new FakeSendGrid();
        await sendGrid.StartAsync();
        var seeds = SeedsWithDemoApplications();
        var prefix = "m" + Guid.NewGuid().ToString("N")[..10];
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Prefix"] = prefix,
            ["Durable__TaskHub"] = prefix + "hub",
            ["Links__BaseUrl"] = PublicBase,
            ["Links__SigningKey"] = SelfHostFactory.SigningKey,
            ["Coordinator__Credentials__0__User"] = SelfHostFactory.CoordinatorUser,
            ["Coordinator__Credentials__0__PasswordHash"] = SelfHostFactory.PasswordHash,
            ["SendGrid__ApiKey"] = "SG.test-key-not-a-secret",
            ["SendGrid__Host"] = sendGrid.Url,
            ["Seeds__Path"] = seeds,
            ["Seeds__SubmitDemoApplications"] = "true",
        };
        // Each its own home folder, as on two machines: nothing may pass between them through the file system.
        var homes = new[] { Directory.CreateTempSubdirectory("experimenten-home-a-").FullName, Directory.CreateTempSubdirectory("experimenten-home-b-").FullName };
        await using var a = new SelfHostProcess(azurite, new Dictionary<string, string>(shared) { ["HOME"] = homes[0] });
        await using var b = new SelfHostProcess(azurite, new Dictionary<string, string>(shared) { ["HOME"] = homes[1] });
        try
        {
            // Both start at once: each loads the seeds, and each demo application still exists once.
            await Task.WhenAll(a.StartAsync(), b.StartAsync());

            // A coordinator signed in through one host is signed in on the other (one key ring, in storage).
            await CoordinatorSessionCrossesHostsAsync(a, b);

            var ids = new List<string>();
            foreach (var host in new[] { a, a, b, b })
            {
                var response = await host.Client.PostAsync(new Uri($"{host.BaseUrl}/api/applications"), new TestApplication().With("callId", "fast").ToContent());
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            var invitations = new Dictionary<string, List<string>>();
            foreach (var id in ids)
            {
                invitations[id] = [.. (await DeliveredAsync(sendGrid, id, "ReviewInvitation", 3)).Select(m => ReviewLink(m))];
            }

            // Mid-review: a first approval each through A, then A dies.
            foreach (var id in ids)
            {
                Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(a, invitations[id][0])).StatusCode);
            }

            await a.KillAsync();

            // B takes A's partitions over; the second approvals, with links A signed, go through B.
            foreach (var id in ids)
            {
                Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(b, invitations[id][1])).StatusCode);
            }

            foreach (var id in ids)
            {
                await DeliveredAsync(sendGrid, id, "Approved", 2, TimeSpan.FromSeconds(150));
            }

            // Mid-monitoring: A comes back and B dies before the report reminders are due; A sends them.
            await a.StartAsync();
            await b.KillAsync();
            foreach (var id in ids)
            {
                await DeliveredAsync(sendGrid, id, "ReportDueSoon", 2, TimeSpan.FromSeconds(150));
            }

            var demo = DemoApplicationIds(seeds);
            foreach (var id in demo)
            {
                await DeliveredAsync(sendGrid, id, "Received", 2);
            }

            // Late duplicates would come within the activity retry's first seconds.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var sends = sendGrid.Delivered.GroupBy(m => m.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            Assert.True(sends.Count == 0, "sent more than once: " + string.Join(", ", sends));
            foreach (var id in ids)
            {
                Assert.Equal(2, Count(sendGrid, id, "Received"));
                Assert.Equal(3, Count(sendGrid, id, "ReviewInvitation"));
                Assert.Equal(2, Count(sendGrid, id, "Approved"));
            }

            using var coordinator = CoordinatorClient();
            var list = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"{a.BaseUrl}/api/coordinator/applications?pageSize=100"));
            var listed = Items(list).Select(i => i.GetProperty("id").GetString()!).ToList();
            Assert.All(demo.Concat(ids), id => Assert.Single(listed, l => l == id));
        }
        finally
        {
            await a.KillAsync();
            await b.KillAsync();
            foreach (var folder in homes.Append(seeds))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    static async Task CoordinatorSessionCrossesHostsAsync(SelfHostProcess a, SelfHostProcess b)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var page = await (await browser.GetAsync(new Uri($"{a.BaseUrl}/coordinator/sign-in"))).Content.ReadAsStringAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_csrf"] = CsrfField().Match(page).Groups[1].Value,
            ["user"] = SelfHostFactory.CoordinatorUser,
            ["password"] = SelfHostFactory.CoordinatorPassword,
        });
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.PostAsync(new Uri($"{a.BaseUrl}/coordinator/sign-in"), form)).StatusCode);

        // Cookies do not depend on the port: the same browser now asks the other host.
        var onB = await browser.GetAsync(new Uri($"{b.BaseUrl}/coordinator"));
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("action=\"/coordinator/sign-out\"", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    static HttpClient CoordinatorClient()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SelfHostFactory.CoordinatorUser}:{SelfHostFactory.CoordinatorPassword}")));
        return client;
    }

    static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();

    /// <summary>The proxy would send the link to whichever host is up; here the test does.</summary>
    static Task<HttpResponseMessage> ApproveAsync(SelfHostProcess host, string link) =>
        host.Client.PostAsync(new Uri(link.Replace(PublicBase, host.BaseUrl, StringComparison.Ordinal)), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));

    static string ReviewLink(FakeSendGrid.Received mail) =>
        Link().Matches(mail.Body.GetProperty("content")[0].GetProperty("value").GetString()!).Select(m => m.Value).First(l => l.Contains("/review/", StringComparison.Ordinal));

    static bool Is(FakeSendGrid.Received mail, string id, string kind) =>
        mail.Key.StartsWith(id + "|", StringComparison.Ordinal) && mail.Key.Contains($"|{kind}|", StringComparison.Ordinal);

    static int Count(FakeSendGrid sendGrid, string id, string kind) => sendGrid.Delivered.Count(m => Is(m, id, kind));

    static async Task<List<FakeSendGrid.Received>> DeliveredAsync(FakeSendGrid sendGrid, string id, string kind, int count, TimeSpan? timeout = null)
    {
        await Wait.UntilAsync(() => Task.FromResult(Count(sendGrid, id, kind) >= count), timeout ?? TimeSpan.FromSeconds(90), $"{count} {kind} emails for {id}");
        return [.. sendGrid.Delivered.Where(m => Is(m, id, kind)).OrderBy(m => m.To, StringComparer.Ordinal)];
    }

    /// <summary>The test calls (fast durations) with the product's own demo applications beside them.</summary>
    static string SeedsWithDemoApplications()
    {
        var folder = Directory.CreateTempSubdirectory("experimenten-seeds-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "test-seeds"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(Repo.Root, "seeds", "applications.json"), Path.Combine(folder, "applications.json"));
        return folder;
    }

    static List<string> DemoApplicationIds(string seeds) =>
        [.. JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllText(Path.Combine(seeds, "applications.json")))!
            .Select(s => ApplicationIds.ForSeed(s.GetProperty("seedId").GetString()!))];

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("https?://[^\\s\"<>]+")]
    private static partial Regex Link();
}
