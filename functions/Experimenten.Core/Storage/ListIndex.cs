using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>
/// The coordinator list's index: each application copied into four partitions (all, per stage, per
/// call, per call and stage), ordered by next deadline. Every list query is one partition and a row
/// key range ("overdue" = deadline before now), so a page costs the same with 100 or 100,000
/// applications. Kept in step with the application row; the row remembers which index rows it wrote,
/// so a retried update removes exactly the stale ones.
/// </summary>
public sealed class ListIndex(StorageClients clients)
{
    const int Attempts = 5;
    static readonly HashSet<string> Large = ["Summary", "PlanText", "PlanBlob", "ActiveInstance", "IndexRowKey", "IndexStage", "odata.etag"];

    TableClient Table => clients.Table(StorageNames.ListTable);

    public static string RowKey(DateTimeOffset? deadline, string id) => $"{deadline?.UtcTicks ?? DateTimeOffset.MaxValue.UtcTicks:D19}-{id}";

    public static string Partition(string? callId, Stage? stage) => (callId, stage) switch
    {
        ({ Length: > 0 } c, { } s) => $"call-{c}-stage-{s}",
        ({ Length: > 0 } c, null) => $"call-{c}",
        (_, { } s) => $"stage-{s}",
        _ => "all",
    };

    public static string[] Partitions(string callId, string stage) => ["all", $"stage-{stage}", $"call-{callId}", $"call-{callId}-stage-{stage}"];

    /// <summary>Brings the index rows of one application in line with its row in <paramref name="applications"/>.</summary>
    public async Task SyncAsync(TableClient applications, string id, string row, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = (await applications.GetEntityAsync<TableEntity>(id, row, cancellationToken: cancellationToken)).Value;
            var callId = entity.GetString("CallId") ?? "";
            var stage = entity.GetString("Stage") ?? "";
            var key = RowKey(entity.GetDateTimeOffset("NextDeadline"), id);
            var fresh = Partitions(callId, stage);
            foreach (var partition in fresh)
            {
                var copy = new TableEntity(partition, key) { ["Id"] = id };
                foreach (var (name, value) in entity.Where(p => !Large.Contains(p.Key) && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp")))
                {
                    copy[name] = value;
                }

                await Table.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
            }

            var oldKey = entity.GetString("IndexRowKey");
            var oldStage = entity.GetString("IndexStage");
            if (oldKey == key && oldStage == stage)
            {
                return;
            }

            if (oldKey is not null && oldStage is not null)
            {
                foreach (var partition in Partitions(callId, oldStage).Where(p => oldKey != key || !fresh.Contains(p)))
                {
                    await DeleteAsync(partition, oldKey, cancellationToken);
                }
            }

            try
            {
                await applications.UpdateEntityAsync(new TableEntity(id, row) { ["IndexRowKey"] = key, ["IndexStage"] = stage }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < Attempts)
            {
                // The row changed meanwhile (a deadline set by a coordinator): sync again from the new state.
            }
        }
    }

    async Task DeleteAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public AsyncPageable<TableEntity> Query(string? callId, Stage? stage, bool overdueOnly, DateTimeOffset now, int pageSize)
    {
        var partition = Partition(callId, stage);
        var filter = overdueOnly
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowKey(now, "")}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        return Table.QueryAsync<TableEntity>(filter, pageSize);
    }
}
