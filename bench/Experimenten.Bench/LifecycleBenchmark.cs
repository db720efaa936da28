using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Experimenten.Testing;

namespace Experimenten.Bench;

/// <summary>
/// bench/lifecycle: a sweep over the number of applications in flight. At each step, complete lifecycles
/// (instant decisions, two reports, compressed timers) through the product's HTTP API on the self-host on
/// Azurite, then, in the same host and backend, bare orchestrations with the same number of activities, timers
/// and events; throughput, time per lifecycle, CPU and storage requests of both, and the ratio. Also where one
/// lifecycle's storage requests go, and the history events of one with three review rounds and four reports.
/// </summary>
static class LifecycleBenchmark
{
    const string User = "bench";
    const string Password = "bench-password-not-a-secret";

    /// <summary>Each step runs its number in flight and this many more (at least 20 in all): most of it at full load, and a step of 120 still fits in a quarter of an hour.</summary>
    const int ExtraLifecycles = 20;

    public static async Task<int> RunAsync(IReadOnlyList<int> steps)
    {
        var prefix = BenchHost.NewPrefix();
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        using var traffic = new StorageTraffic(azurite.ConnectionString, prefix);
        await using var mail = new MailCatcher();
        await mail.StartAsync();
        try
        {
            await using var host = await BenchHost.StartAsync(azurite, mail, prefix, User, Password);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var driver = new Driver(host, mail, http);

            // Warm-up (JIT, tables), then idle polling, then one lifecycle alone: its shape and its requests.
            await driver.RunAsync("bench", changeRounds: 0, reports: 2);
            await mail.SettleAsync(TimeSpan.FromSeconds(2));
            var idle = await IdleAsync(traffic, TimeSpan.FromSeconds(10));
            var aloneWatch = Stopwatch.StartNew();
            var before = traffic.Snapshot();
            var first = await driver.RunAsync("bench", changeRounds: 0, reports: 2);
            await mail.SettleAsync(TimeSpan.FromSeconds(2));
            var alone = StorageTraffic.Between(before, traffic.Snapshot())
                .ToDictionary(k => k.Key, k => k.Value - (idle.GetValueOrDefault(k.Key) * aloneWatch.Elapsed.TotalSeconds));
            var shape = await host.ShapeAsync(first);
            await host.RunBareAsync(shape, CancellationToken.None);

            List<(int InFlight, Phase Product, Phase Bare)> sweep = [];
            foreach (var inFlight in steps)
            {
                var count = inFlight + ExtraLifecycles;
                var purged = await host.PurgeFinishedAsync();
                Console.WriteLine(FormattableString.Invariant($"  [{DateTime.Now:HH:mm:ss}] {inFlight} in flight, {count} lifecycles each side; {purged} finished instances purged first"));
                var product = await MeasureAsync(azurite, traffic, count, inFlight, _ => driver.RunAsync("bench", changeRounds: 0, reports: 2));
                await mail.SettleAsync(TimeSpan.FromSeconds(2));
                await host.PurgeFinishedAsync();
                var bare = await MeasureAsync(azurite, traffic, count, inFlight, ct => host.RunBareAsync(shape, ct));
                sweep.Add((inFlight, product, bare));
                Console.WriteLine(FormattableString.Invariant($"  [{DateTime.Now:HH:mm:ss}] {inFlight} in flight: product {product.Rate:F2}/s, bare {bare.Rate:F2}/s, ratio {product.Rate / bare.Rate:F2}"));
            }

            var history = await host.HistoryAsync(await driver.RunAsync("history", changeRounds: 2, reports: 4));
            Print(shape, sweep, alone, idle, history);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>What one side did at one step of the sweep.</summary>
    sealed record Phase(int Count, double Seconds, double[] Latencies, double AzuriteCpuMs, double HostCpuMs, double Requests)
    {
        public double Rate => Count / Seconds;
    }

    static async Task<Phase> MeasureAsync(Azurite azurite, StorageTraffic traffic, int count, int inFlight, Func<CancellationToken, Task> one)
    {
        var latencies = new ConcurrentBag<double>();
        var requests = traffic.Total;
        var (storageCpu, hostCpu) = (azurite.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (_, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await one(ct);
            latencies.Add(watch.Elapsed.TotalSeconds);
        });
        var seconds = wall.Elapsed.TotalSeconds;
        return new Phase(count, seconds, [.. latencies.Order()],
            (azurite.CpuTime - storageCpu).TotalMilliseconds / count,
            (Process.GetCurrentProcess().TotalProcessorTime - hostCpu).TotalMilliseconds / count,
            (traffic.Total - requests) / (double)count);
    }

    /// <summary>Requests per second by kind while nothing runs: the backend polling its queues and renewing its leases.</summary>
    static async Task<Dictionary<string, double>> IdleAsync(StorageTraffic traffic, TimeSpan window)
    {
        var before = traffic.Snapshot();
        await Task.Delay(window);
        return StorageTraffic.Between(before, traffic.Snapshot()).ToDictionary(k => k.Key, k => k.Value / window.TotalSeconds);
    }

    static void Print(Shape shape, List<(int InFlight, Phase Product, Phase Bare)> sweep, Dictionary<string, double> alone, Dictionary<string, double> idle, (int Total, int Parent, int LargestChild, int Instances) history)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"bench/lifecycle — self-host on Azurite (Azure Storage backend); one lifecycle: submit, 2 approvals by link, 2 reports uploaded and accepted, completed");
        Console.WriteLine(string.Create(c, $"  one lifecycle: {shape.Activities} activities, {shape.Events} external events, {shape.Children} sub-orchestrations, {shape.TimerSeconds.Length} timers fired (waits {string.Join(", ", shape.TimerSeconds.Select(t => t.ToString("F1", c)))} s); the bare orchestration has the same shape and does nothing else"));
        Console.WriteLine("  in flight | lifecycles/s  bare/s  ratio | p50 / p99 s (product)  p50 / p99 s (bare) | CPU ms per lifecycle: Azurite, host (product | bare) | requests per lifecycle (product | bare)");
        foreach (var (inFlight, p, b) in sweep)
        {
            Console.WriteLine(string.Create(c, $"  {inFlight,9} | {p.Rate,12:F2} {b.Rate,7:F2} {p.Rate / b.Rate,6:F2} | {Stats.Percentile(p.Latencies, 0.5),6:F1} / {Stats.Percentile(p.Latencies, 0.99),5:F1}          {Stats.Percentile(b.Latencies, 0.5),6:F1} / {Stats.Percentile(b.Latencies, 0.99),5:F1}      | {p.AzuriteCpuMs,6:F0}, {p.HostCpuMs,5:F0} | {b.AzuriteCpuMs,5:F0}, {b.HostCpuMs,5:F0} | {p.Requests,6:F0} | {b.Requests,5:F0}"));
        }

        Console.WriteLine(string.Create(c, $"  storage requests       {alone.Values.Sum(),8:F0}   for one lifecycle alone (counted at the HTTP client; idle polling of {idle.Values.Sum():F1}/s subtracted)"));
        foreach (var group in alone.GroupBy(k => StorageTraffic.Group(k.Key)).OrderByDescending(g => g.Sum(k => k.Value)))
        {
            var kinds = string.Join(", ", group.Where(k => k.Value >= 0.5).OrderByDescending(k => k.Value).Select(k => string.Create(c, $"{k.Key} {k.Value:F0}")));
            Console.WriteLine(string.Create(c, $"    {group.Key,-38} {group.Sum(k => k.Value),5:F0}   {kinds}"));
        }

        Console.WriteLine(string.Create(c, $"  idle polling           {idle.Values.Sum(),8:F1}/s {string.Join(", ", idle.OrderByDescending(k => k.Value).Select(k => string.Create(c, $"{k.Key} {k.Value:F1}")))}"));
        Console.WriteLine($"  history events         {history.Total,8}   for 3 review rounds and 4 reports: parent {history.Parent}, largest child {history.LargestChild}, {history.Instances} instances");
    }

    /// <summary>Plays applicant, reviewers and coordinator through the emailed links and the API.</summary>
    sealed class Driver(BenchHost host, MailCatcher mail, HttpClient http)
    {
        static readonly TimeSpan MailTimeout = TimeSpan.FromMinutes(5);

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
                var invitations = await mail.WaitAsync(id, "ReviewInvitation", round, 3, MailTimeout);
                if (round <= changeRounds)
                {
                    await DecideAsync(invitations[0], "changes", "Graag meer over de samenwerking.");
                    var asked = await mail.WaitAsync(id, "ChangesRequested", round, 2, MailTimeout);
                    using var revision = new MultipartFormDataContent { { new StringContent($"Versie {round + 1}: Anna en Bram verdelen de taken."), "text" } };
                    await http.PostAsync(new Uri(Link(asked[0], "/revision/")), revision);
                    continue;
                }

                await DecideAsync(invitations[0], "approve", "");
                await DecideAsync(invitations[1], "approve", "");
            }

            for (var n = 1; n <= reports; n++)
            {
                var due = await mail.WaitAsync(id, "ReportDueSoon", n, 2, MailTimeout);
                using var report = new MultipartFormDataContent { { new StringContent($"Verslag {n}: wat we leerden over samenwerken."), "text" } };
                await http.PostAsync(new Uri(Link(due[0], "/report/")), report);
                await mail.WaitAsync(id, "ReportToAssess", n, 1, MailTimeout);
                using var accept = new HttpRequestMessage(HttpMethod.Post, $"{host.BaseUrl}/api/coordinator/applications/{id}/reports/{n}/accept") { Content = JsonContent.Create(new { comment = "" }) };
                accept.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
                await http.SendAsync(accept);
            }

            await mail.WaitAsync(id, "Completed", 0, 2, MailTimeout);
            return id;
        }

        Task DecideAsync(MailCatcher.Mail invitation, string decision, string comment) =>
            http.PostAsync(new Uri(Link(invitation, "/review/")), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment }));

        static string Link(MailCatcher.Mail mail, string path) => mail.Links.Single(l => l.Contains(path, StringComparison.Ordinal));
    }
}
