using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Experimenten.Testing;

namespace Experimenten.Bench;

/// <summary>
/// bench/emulator: what a partition query costs Azurite as the rest of its table grows. The durable backend reads
/// an orchestration's whole history with one partition query at every turn (PartitionKey = instance id), so this is
/// the cost that grows with every lifecycle a run has finished. Azure Table storage finds a partition by its key
/// and reads only that partition; Azurite (LokiJS in memory) tests every row of the table against the filter.
/// </summary>
static class EmulatorBenchmark
{
    const int PartitionRows = 60;
    const int Queries = 40;

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            var table = new TableClient(azurite.ConnectionString, "scan" + Guid.NewGuid().ToString("N")[..8]);
            await table.CreateAsync();
            await FillAsync(table, "probe", PartitionRows, 0);
            Console.WriteLine($"bench/emulator — Azurite: one partition query of {PartitionRows} rows (a lifecycle's history is 60–70 rows), {Queries} times, as other partitions fill the table");
            Console.WriteLine("  rows in other partitions | ms per query | Azurite CPU ms per query");
            var written = 0;
            foreach (var size in sizes.Order())
            {
                await FillAsync(table, "other", size - written, written);
                written = size;
                var cpu = azurite.CpuTime;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Queries; i++)
                {
                    var rows = 0;
                    await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"probe"}")))
                    {
                        rows++;
                    }

                    if (rows != PartitionRows)
                    {
                        throw new InvalidOperationException($"the probe partition returned {rows} rows");
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {size,24:N0} | {watch.Elapsed.TotalMilliseconds / Queries,12:F1} | {(azurite.CpuTime - cpu).TotalMilliseconds / Queries,24:F1}"));
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Rows shaped like history rows (a few hundred bytes), written 100 to a transaction.</summary>
    static async Task FillAsync(TableClient table, string partition, int count, int from)
    {
        var payload = new string('x', 300);
        var batches = Enumerable.Range(from, count).Chunk(100).Select(chunk => chunk.Select(n =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition == "other" ? $"other{n / 60:D6}" : partition, n.ToString("D10", CultureInfo.InvariantCulture)) { ["Payload"] = payload })).ToList());
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            // A transaction is one partition: group the chunk by partition key.
            foreach (var group in batch.GroupBy(a => a.Entity.PartitionKey))
            {
                await table.SubmitTransactionAsync(group, ct);
            }
        });
    }
}
