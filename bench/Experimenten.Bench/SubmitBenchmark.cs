using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Blobs;
using Experimenten.Testing;

namespace Experimenten.Bench;

/// <summary>
/// bench/submit: N concurrent clients submit applications with a 1 MB PDF to the self-host on Azurite,
/// then — same clients, same file, same Azurite — upload that file straight to blob storage. The ratio
/// of the two rates says what the product adds on top of storing the plan. The product emails through the real
/// SendGrid SDK to an in-process endpoint (<see cref="MailCatcher"/>): the benchmark learns of each confirmation
/// without reading storage, so the product's phase pays nothing for the driver.
/// </summary>
static class SubmitBenchmark
{
    public static async Task<int> RunAsync(int clients, int applications)
    {
        var pdf = OneMegabytePdf();

        // Rates on a plain Azurite: its request log slows every request, and the product makes many more.
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            await MeasureAsync(azurite, null, clients, applications, pdf);
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        // Storage requests per application, counted in a second, smaller run on a logging Azurite.
        var log = Path.Combine(Path.GetTempPath(), $"experimenten-bench-{Guid.NewGuid():N}.log");
        var counting = new Azurite { DebugLog = log };
        var requests = new StorageRequests(log);
        await counting.InitializeAsync();
        try
        {
            await MeasureAsync(counting, requests, clients, Math.Max(20, applications / 8), pdf);
        }
        finally
        {
            await counting.DisposeAsync();
            requests.Delete();
        }

        return 0;
    }

    static async Task MeasureAsync(Azurite azurite, StorageRequests? requests, int clients, int applications, byte[] pdf)
    {
        await using var mail = new MailCatcher();
        await mail.StartAsync();
        await using var host = new SelfHostProcess(azurite, new Dictionary<string, string> { ["SendGrid__ApiKey"] = "SG.bench-not-a-key", ["SendGrid__Host"] = mail.Url });
        await host.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        // Warm-up: one submission so JIT and storage tables do not count.
        await SubmitAsync(http, host.BaseUrl, pdf, "warm-up");

        // Idle polling of the durable backend, to subtract from the busy window below.
        var idleWindow = TimeSpan.FromSeconds(10);
        var idlePerSecond = new Dictionary<string, double>();
        var busyStart = new Dictionary<string, int>();
        if (requests is not null)
        {
            var idleStart = StorageRequests.Services.ToDictionary(s => s, requests.Count);
            await Task.Delay(idleWindow);
            foreach (var service in StorageRequests.Services)
            {
                idlePerSecond[service] = (requests.Count(service) - idleStart[service]) / idleWindow.TotalSeconds;
                busyStart[service] = requests.Count(service);
            }
        }

        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Prefix + "rawupload");
        await container.CreateIfNotExistsAsync();
        if (requests is not null)
        {
            var wall = Stopwatch.StartNew();
            _ = await SubmitRoundAsync(http, host.BaseUrl, mail, clients, applications, pdf, "count");
            await mail.SettleAsync(TimeSpan.FromSeconds(3));
            var busy = StorageRequests.Services.ToDictionary(s => s, s => (requests.Count(s) - busyStart[s] - (idlePerSecond[s] * wall.Elapsed.TotalSeconds)) / applications);
            Console.WriteLine($"  storage requests/app   {busy.Values.Sum(),8:F0}   ({string.Join(", ", busy.Select(b => $"{b.Key.ToLowerInvariant()} {b.Value:F0}"))}; {applications} applications on an Azurite that logs every request; idle polling of {idlePerSecond.Values.Sum():F1}/s subtracted)");
            return;
        }

        // Warm-up, not counted: a short round of each, so both sides run JIT-tiered code on warm tables.
        await ParallelAsync(clients, clients * 4, async i =>
        {
            using var stream = new MemoryStream(pdf);
            await container.GetBlobClient($"warm-up/{i}/plan.pdf").UploadAsync(stream, overwrite: true);
        });
        await SubmitRoundAsync(http, host.BaseUrl, mail, clients, clients * 4, pdf, "warm-up");

        // Rounds of: the same clients uploading the same file straight to Azurite, then submitting it to
        // the product. Each phase starts on a quiet host (the previous round's invitations all out), so
        // neither rate pays for the other's background work, and alternating averages out drift.
        List<Round> rounds = [];
        double rawSeconds = 0;
        var rawCpu = new CpuShares(azurite, host);
        for (var r = 0; r < Rounds; r++)
        {
            await mail.SettleAsync(TimeSpan.FromSeconds(3));
            var raw = Stopwatch.StartNew();
            rawCpu.Resume();
            await ParallelAsync(clients, applications, async i =>
            {
                using var stream = new MemoryStream(pdf);
                await container.GetBlobClient($"raw/{r}/{i}/plan.pdf").UploadAsync(stream, overwrite: true);
            });
            rawCpu.Pause();
            rawSeconds += raw.Elapsed.TotalSeconds;
            await mail.SettleAsync(TimeSpan.FromSeconds(3));
            rounds.Add(await SubmitRoundAsync(http, host.BaseUrl, mail, clients, applications, pdf, $"r{r}", new CpuShares(azurite, host)));
        }

        var sorted = rounds.SelectMany(r => r.Latencies).Order().ToArray();
        var total = applications * Rounds;
        var submitRate = total / rounds.Sum(r => r.SubmitSeconds);
        var rawRate = total / rawSeconds;
        Console.WriteLine($"bench/submit — {clients} clients, {Rounds} rounds of {applications} applications, 1 MB PDF each, self-host on Azurite");
        Console.WriteLine($"  submissions/s          {submitRate,8:F1}   (rounds: {string.Join(", ", rounds.Select(r => (applications / r.SubmitSeconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"  latency p50 / p99      {Stats.Percentile(sorted, 0.50),8:F0} ms / {Stats.Percentile(sorted, 0.99):F0} ms");
        var delays = rounds.SelectMany(r => r.ConfirmationDelays).Order().ToArray();
        Console.WriteLine($"  confirmation delay     {Stats.Percentile(delays, 0.50),8:F1} s p50, {Stats.Percentile(delays, 0.99):F1} s p99, {delays.Max():F1} s at most (both contacts' emails in, from the start of the submission)");
        Console.WriteLine($"  all confirmations in   {rounds.Max(r => r.ConfirmedSeconds),8:F1} s after a round's first submission (slowest round)");
        Console.WriteLine($"  raw blob uploads/s     {rawRate,8:F1}   (same clients, same file, Azure.Storage.Blobs straight to Azurite, before each round)");
        Console.WriteLine($"  ratio                  {submitRate / rawRate,8:F2}   (target >= 0.7)");
        Console.WriteLine($"  CPU per submission     {CpuShares.Describe(rounds.Select(r => r.Cpu), total)}");
        Console.WriteLine($"  CPU per raw upload     {CpuShares.Describe([rawCpu], total)}");
        Console.WriteLine($"  refused submissions    {rounds.Sum(r => r.Refused),8}");
        Console.WriteLine($"  lost (fewer than 2)    {rounds.Sum(r => r.Lost),8}");
        Console.WriteLine($"  sent twice (over 2)    {rounds.Sum(r => r.Twice),8}");
    }

    const int Rounds = 3;

    sealed record Round(double SubmitSeconds, double ConfirmedSeconds, IReadOnlyList<double> Latencies, IReadOnlyList<double> ConfirmationDelays, int Refused, int Lost, int Twice, CpuShares Cpu);

    /// <summary>The clients submit, then every confirmation is awaited: two per application, one per contact.</summary>
    static async Task<Round> SubmitRoundAsync(HttpClient http, string baseUrl, MailCatcher mail, int clients, int applications, byte[] pdf, string keyPrefix, CpuShares? cpu = null)
    {
        cpu ??= new CpuShares(null, null);
        var latencies = new ConcurrentBag<double>();
        var ids = new ConcurrentBag<string>();
        var started = new ConcurrentDictionary<string, long>();
        var refused = 0;
        var wall = Stopwatch.StartNew();
        cpu.Resume();
        await ParallelAsync(clients, applications, async i =>
        {
            var watch = Stopwatch.StartNew();
            var at = Environment.TickCount64;
            var (status, id) = await SubmitAsync(http, baseUrl, pdf, $"bench-{keyPrefix}-{i}");
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (status == HttpStatusCode.Accepted)
            {
                ids.Add(id);
                started[id] = at;
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        });
        var submitSeconds = wall.Elapsed.TotalSeconds;
        cpu.Pause();

        var expected = ids.ToHashSet();
        Dictionary<string, int> perApplication = [];
        await Wait.UntilAsync(() =>
        {
            perApplication = Confirmations(mail, expected);
            return Task.FromResult(perApplication.Values.Sum() >= expected.Count * 2);
        }, TimeSpan.FromMinutes(10), "confirmations never all arrived");
        var confirmed = wall.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        perApplication = Confirmations(mail, expected);
        var delays = expected.Select(id => (mail.Of(id, "|Received|").Max(m => m.ArrivedAt) - started[id]) / 1000.0).ToList();
        return new Round(submitSeconds, confirmed, [.. latencies], delays, refused,
            perApplication.Count(p => p.Value < 2) + expected.Count(id => !perApplication.ContainsKey(id)),
            perApplication.Count(p => p.Value > 2), cpu);
    }

    static async Task<(HttpStatusCode Status, string Id)> SubmitAsync(HttpClient http, string baseUrl, byte[] pdf, string key)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in BenchForm.Fields("demo"))
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "plan", "plan.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/applications") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var p) ? p.GetString()! : "";
        return (response.StatusCode, id);
    }

    /// <summary>Confirmations per application (one per contact); the lifecycle goes on to invite reviewers meanwhile.</summary>
    static Dictionary<string, int> Confirmations(MailCatcher mail, HashSet<string> ids) =>
        ids.Select(id => (id, mail.Of(id, "|Received|").Count)).Where(c => c.Count > 0).ToDictionary(c => c.id, c => c.Count);

    static async Task ParallelAsync(int clients, int total, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await work(i);
            }
        }));
    }

    static byte[] OneMegabytePdf()
    {
        var bytes = new byte[1024 * 1024];
        Random.Shared.NextBytes(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        return bytes;
    }

}
