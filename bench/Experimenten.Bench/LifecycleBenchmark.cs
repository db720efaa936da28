using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Experimenten.Testing;
using Microsoft.DurableTask.Client;

namespace Experimenten.Bench;

/// <summary>
/// bench/lifecycle: M complete lifecycles (instant decisions, two reports, compressed timers) through
/// the product's HTTP API on the self-host on Azurite; then, in the same host and backend, M bare
/// orchestrations with the same number of activities, timers and events; the ratio of the two rates.
/// Also counts the history events of one lifecycle with three review rounds and four reports.
/// </summary>
static class LifecycleBenchmark
{
    const string User = "bench";
    const string Password = "bench-password-not-a-secret";

    public static async Task<int> RunAsync(int lifecycles, int concurrency)
    {
        var log = Path.Combine(Path.GetTempPath(), $"experimenten-lifecycle-{Guid.NewGuid():N}.log");
        var azurite = new Azurite { DebugLog = log };
        await azurite.InitializeAsync();
        var requests = new StorageRequests(log);
        try
        {
            await using var host = await BenchHost.StartAsync(azurite, User, Password);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var driver = new Driver(host, http);

            // Warm-up, then one lifecycle alone: its shape and its storage requests (idle polling subtracted).
            await driver.RunAsync("bench", changeRounds: 0, reports: 2);
            var idleStart = requests.Count();
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idlePerSecond = (requests.Count() - idleStart) / 10.0;
            var alone = Stopwatch.StartNew();
            var before = requests.Count();
            var first = await driver.RunAsync("bench", changeRounds: 0, reports: 2);
            var perLifecycle = requests.Count() - before - (idlePerSecond * alone.Elapsed.TotalSeconds);
            var shape = await host.ShapeAsync(first);

            var product = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, lifecycles), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (_, _) => await driver.RunAsync("bench", changeRounds: 0, reports: 2));
            var productRate = lifecycles / product.Elapsed.TotalSeconds;

            var bare = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, lifecycles), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (_, ct) => await host.RunBareAsync(shape, ct));
            var bareRate = lifecycles / bare.Elapsed.TotalSeconds;

            var history = await host.HistoryAsync(await driver.RunAsync("history", changeRounds: 2, reports: 4));

            Console.WriteLine($"bench/lifecycle — {lifecycles} lifecycles, {concurrency} at a time, self-host on Azurite (Azure Storage backend)");
            Console.WriteLine($"  one lifecycle          {shape.Activities} activities, {shape.Timers} timers fired, {shape.Events} external events, 3 sub-orchestrations");
            Console.WriteLine($"  lifecycles/s           {productRate,8:F2}   (submit, 2 approvals by link, 2 reports uploaded and accepted, completed)");
            Console.WriteLine($"  bare orchestrations/s  {bareRate,8:F2}   (same activities, timers and events, nothing else, same host and backend)");
            Console.WriteLine($"  ratio                  {productRate / bareRate,8:F2}   (target >= 0.7)");
            Console.WriteLine($"  storage requests       {perLifecycle,8:F0}   for one whole lifecycle (Azurite's request log, idle polling of {idlePerSecond:F1}/s subtracted; the driver's own mail polling left out)");
            Console.WriteLine($"  history events         {history.Total,8}   for 3 review rounds and 4 reports: parent {history.Parent}, largest child {history.LargestChild}, {history.Instances} instances");
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
            requests.Delete();
        }
    }

    /// <summary>Plays applicant, reviewers and coordinator through the emailed links and the API.</summary>
    sealed class Driver(BenchHost host, HttpClient http)
    {
        public async Task<string> RunAsync(string call, int changeRounds, int reports)
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in BenchForm.Fields(call).Append(("planText", "Ons plan.")))
            {
                form.Add(new StringContent(value, Encoding.UTF8), name);
            }

            var accepted = await (await http.PostAsync(new Uri($"{host.BaseUrl}/api/applications"), form)).Content.ReadFromJsonAsync<JsonElement>();
            var id = accepted.GetProperty("id").GetString()!;
            for (var round = 1; round <= changeRounds + 1; round++)
            {
                var invitations = await host.WaitForMailAsync(id, "ReviewInvitation", round, 3);
                if (round <= changeRounds)
                {
                    await DecideAsync(invitations[0], "changes", "Graag meer over de samenwerking.");
                    var asked = await host.WaitForMailAsync(id, "ChangesRequested", round, 2);
                    using var revision = new MultipartFormDataContent { { new StringContent($"Versie {round + 1}: Anna en Bram verdelen de taken."), "text" } };
                    await http.PostAsync(new Uri(Link(asked[0], "/revision/")), revision);
                    continue;
                }

                await DecideAsync(invitations[0], "approve", "");
                await DecideAsync(invitations[1], "approve", "");
            }

            for (var n = 1; n <= reports; n++)
            {
                var due = await host.WaitForMailAsync(id, "ReportDueSoon", n, 2);
                using var report = new MultipartFormDataContent { { new StringContent($"Verslag {n}: wat we leerden over samenwerken."), "text" } };
                await http.PostAsync(new Uri(Link(due[0], "/report/")), report);
                await host.WaitForMailAsync(id, "ReportToAssess", n, 1);
                using var accept = new HttpRequestMessage(HttpMethod.Post, $"{host.BaseUrl}/api/coordinator/applications/{id}/reports/{n}/accept") { Content = JsonContent.Create(new { comment = "" }) };
                accept.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
                await http.SendAsync(accept);
            }

            await host.WaitForMailAsync(id, "Completed", 0, 2);
            return id;
        }

        Task DecideAsync(BenchHost.Mail invitation, string decision, string comment) =>
            http.PostAsync(new Uri(Link(invitation, "/review/")), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment }));

        static string Link(BenchHost.Mail mail, string path) => mail.Links.Single(l => l.Contains(path, StringComparison.Ordinal));

    }
}
