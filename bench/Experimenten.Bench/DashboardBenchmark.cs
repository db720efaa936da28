using System.Diagnostics;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Storage;
using Experimenten.Testing;
using Microsoft.Extensions.Options;

namespace Experimenten.Bench;

/// <summary>
/// bench/dashboard: the coordinator list's read-model query (ReadModel.PageAsync, what
/// GET /api/coordinator/applications runs) with 1,000 and with 100,000 applications in the read
/// model, on the same Azurite in one run; p50/p99 per query shape and the ratio of the p99s.
/// </summary>
static class DashboardBenchmark
{
    static readonly Stage[] Mix = [Stage.InReview, Stage.InReview, Stage.InReview, Stage.Monitoring, Stage.Monitoring, Stage.Monitoring, Stage.ChangesRequested, Stage.Completed, Stage.Completed, Stage.Rejected];

    public static async Task<int> RunAsync(int smallCount, int largeCount)
    {
        // In memory: the whole database saved to disk every few seconds would stall single queries and
        // measure the emulator's disk, not the list.
        var azurite = new Azurite { InMemory = true };
        await azurite.InitializeAsync();
        try
        {
            var small = await FillAsync(azurite, smallCount);
            var large = await FillAsync(azurite, largeCount);
            Console.WriteLine("bench/dashboard — coordinator list (page of 50) from the read model on Azurite (in memory), 300 queries per shape");
            foreach (var (name, stage, overdue) in new (string, Stage?, bool)[] { ("all", null, false), ("stage=InReview", Stage.InReview, false), ("overdue", null, true) })
            {
                var (p50s, p99s) = await MeasureAsync(small, stage, overdue);
                var (p50l, p99l) = await MeasureAsync(large, stage, overdue);
                Console.WriteLine($"  {name,-16} {smallCount:N0}: p50 {p50s,6:F1} ms p99 {p99s,6:F1} ms   {largeCount:N0}: p50 {p50l,6:F1} ms p99 {p99l,6:F1} ms   p99 ratio {p99l / p99s,5:F2} (target <= 1.5)");
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    static async Task<ReadModel> FillAsync(Azurite azurite, int count)
    {
        var options = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = "d" + count });
        var clients = new StorageClients(options);
        await new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None);
        // The list reads only its index: fill it the way ListIndex keeps it (a table per deadline day),
        // in batches of 100 rows of one partition.
        var index = new ListIndex(clients);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var rows = Enumerable.Range(0, count).SelectMany(i =>
        {
            var random = new Random(i);
            var id = $"exp-bench{i:D8}";
            var stage = Mix[random.Next(Mix.Length)].ToString();
            var callId = i % 3 == 0 ? "demo" : "samenwerken-2026";
            DateTimeOffset? deadline = Enum.Parse<Stage>(stage).IsFinal() ? null : now.AddHours(random.Next(-24 * 30, 24 * 30));
            var bucket = ListIndex.Bucket(deadline, now);
            return ListIndex.Partitions(callId, stage).Select(p => (Bucket: bucket, Row: new TableEntity(p, ListIndex.RowKey(deadline, id))
            {
                ["Id"] = id,
                ["CallId"] = callId,
                ["Title"] = $"Experiment {i}",
                ["InitiativeName"] = "Bench",
                ["Stage"] = stage,
                ["WaitingOn"] = "reviewers",
                ["NextDeadline"] = deadline,
                ["Language"] = "nl",
                ["SubmittedAt"] = now,
                ["UpdatedAt"] = now,
            }));
        });
        var batches = rows.GroupBy(r => (r.Bucket, r.Row.PartitionKey)).SelectMany(g => g.Chunk(100).Select(chunk => (g.Key.Bucket, Rows: chunk.Select(c => c.Row).ToList())));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
        {
            var table = await index.PrepareBucketAsync(batch.Bucket, ct);
            await table.SubmitTransactionAsync(batch.Rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        });
        Console.WriteLine($"  (filled {count:N0} rows in {watch.Elapsed.TotalSeconds:F0} s)");
        return new ReadModel(clients);
    }

    static async Task<(double P50, double P99)> MeasureAsync(ReadModel model, Stage? stage, bool overdue)
    {
        var samples = new List<double>();
        for (var i = 0; i < 310; i++)
        {
            var watch = Stopwatch.StartNew();
            var (items, _) = await model.PageAsync(null, stage, overdue, DateTimeOffset.UtcNow, 50, null, CancellationToken.None);
            if (i >= 10)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (items.Count == 0)
            {
                throw new InvalidOperationException("the benchmark query found nothing");
            }
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.99) - 1]);
    }
}
