using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>
/// The coordinator list's index. Each application is copied into four partitions (all, per stage, per
/// call, per call and stage), ordered by next deadline, in one table per deadline day (<c>applist20261127</c>;
/// rows without a deadline go to a table per month of their last change, <c>applistz202611</c>). A page
/// reads the day tables in order until it is full, each with one partition query, so its cost follows
/// the page, not the number of applications: Azure Tables spread the writes of a busy day over many
/// partitions, and Azurite — which scans a whole table for every query — only scans one day.
/// A directory table lists the day tables; the row remembers which index rows it wrote, so a retried
/// update removes exactly the stale ones.
/// </summary>
public sealed partial class ListIndex(StorageClients clients)
{
    const int Attempts = 5;
    const string DirectoryPartition = "bucket";
    static readonly HashSet<string> Large = ["Summary", "PlanText", "PlanBlob", "ActiveInstance", "IndexRowKey", "IndexStage", "IndexBucket", "ErasureStatisticsId", "ErasureAuditKey", "odata.etag"];

    /// <summary>Buckets known to be listed, for days a reader never prunes (see <see cref="ListBucketAsync"/>).</summary>
    readonly ConcurrentDictionary<string, bool> listed = new();

    TableClient Directory => clients.Table(StorageNames.ListDirectoryTable);

    TableClient BucketTable(string bucket) => clients.Table(StorageNames.ListTable + bucket);

    public static string RowKey(DateTimeOffset? deadline, string id) => $"{deadline?.UtcTicks ?? DateTimeOffset.MaxValue.UtcTicks:D19}-{id}";

    /// <summary>The table suffix for a row: its deadline's day (UTC), or without a deadline "z" and the month of its last change.</summary>
    public static string Bucket(DateTimeOffset? deadline, DateTimeOffset updatedAt) => deadline is { } d
        ? Day(d)
        : "z" + updatedAt.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Partition(string? callId, Stage? stage) => (callId, stage) switch
    {
        ({ Length: > 0 } c, { } s) => $"call-{c}-stage-{s}",
        ({ Length: > 0 } c, null) => $"call-{c}",
        (_, { } s) => $"stage-{s}",
        _ => "all",
    };

    public static string[] Partitions(string callId, string stage) => ["all", $"stage-{stage}", $"call-{callId}", $"call-{callId}-stage-{stage}"];

    /// <summary>True for a continuation token this index handed out (a bucket and a row key).</summary>
    public static bool IsContinuation(string token) => ContinuationPattern().IsMatch(token);

    static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    static bool IsDay(string bucket) => bucket[0] != 'z';

    /// <summary>
    /// Day tables before this are pruned from the directory once empty. Writers always re-list a day
    /// before <see cref="AlwaysListBefore"/>; the two days between them cover clocks that disagree.
    /// </summary>
    static string PruneBefore(DateTimeOffset now) => Day(now.AddDays(-2));

    static string AlwaysListBefore(DateTimeOffset now) => Day(now.AddDays(2));

    /// <summary>Brings the index rows of one application in line with its row in <paramref name="applications"/>.</summary>
    public async Task SyncAsync(TableClient applications, string id, string row, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = (await applications.GetEntityAsync<TableEntity>(id, row, cancellationToken: cancellationToken)).Value;
            var callId = entity.GetString("CallId") ?? "";
            var stage = entity.GetString("Stage") ?? "";
            var deadline = entity.GetDateTimeOffset("NextDeadline");
            var key = RowKey(deadline, id);
            var bucket = Bucket(deadline, entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.UtcNow);
            var fresh = Partitions(callId, stage);
            // The four copies side by side: independent rows, so one round trip instead of four in a row.
            await Task.WhenAll(fresh.Select(partition =>
            {
                var copy = new TableEntity(partition, key) { ["Id"] = id };
                foreach (var (name, value) in entity.Where(p => !Large.Contains(p.Key) && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp")))
                {
                    copy[name] = value;
                }

                return UpsertAsync(BucketTable(bucket), copy, cancellationToken);
            }));

            // Listed after the rows are written: a reader that pruned the bucket meanwhile sees it again.
            await ListBucketAsync(bucket, cancellationToken);

            var oldKey = entity.GetString("IndexRowKey");
            var oldStage = entity.GetString("IndexStage");
            var oldBucket = entity.GetString("IndexBucket");
            if (oldKey == key && oldStage == stage && oldBucket == bucket)
            {
                return;
            }

            if (oldKey is not null && oldStage is not null)
            {
                // Rows written before the index had day tables live in the one table it had then.
                var oldTable = oldBucket is null ? clients.Table(StorageNames.ListTable) : BucketTable(oldBucket);
                await Task.WhenAll(Partitions(callId, oldStage)
                    .Where(p => oldKey != key || oldBucket != bucket || !fresh.Contains(p))
                    .Select(partition => DeleteAsync(oldTable, partition, oldKey, cancellationToken)));
            }

            try
            {
                await applications.UpdateEntityAsync(new TableEntity(id, row) { ["IndexRowKey"] = key, ["IndexStage"] = stage, ["IndexBucket"] = bucket }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < Attempts)
            {
                // The row changed meanwhile (a deadline set by a coordinator): sync again from the new state.
            }
        }
    }

    /// <summary>
    /// One page: the buckets in order from the continuation on, each asked only for what the page still
    /// needs (plus one row, to know whether there is a next page).
    /// </summary>
    public async Task<(IReadOnlyList<TableEntity> Rows, string? Continuation)> PageAsync(string? callId, Stage? stage, bool overdueOnly, DateTimeOffset now, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var partition = Partition(callId, stage);
        string? fromBucket = null, afterKey = null;
        if (continuation is not null)
        {
            var match = ContinuationPattern().Match(continuation);
            if (!match.Success)
            {
                throw new FormatException("Not a continuation token of the application list.");
            }

            (fromBucket, afterKey) = (match.Groups["bucket"].Value, match.Groups["key"].Value);
        }

        var today = Day(now);
        var rows = new List<(string Bucket, TableEntity Row)>();
        await foreach (var (bucket, etag) in BucketsAsync(cancellationToken))
        {
            if (fromBucket is not null && string.CompareOrdinal(bucket, fromBucket) < 0)
            {
                continue;
            }

            if (overdueOnly && (!IsDay(bucket) || string.CompareOrdinal(bucket, today) > 0))
            {
                break;
            }

            var after = bucket == fromBucket ? afterKey : null;
            var before = overdueOnly && bucket == today ? RowKey(now, "") : null;
            var filter = (after, before) switch
            {
                (null, null) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                ({ } a, null) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {a}"),
                (null, { } b) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {b}"),
                ({ } a, { } b) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {a} and RowKey lt {b}"),
            };
            var found = await ReadAsync(bucket, filter, pageSize + 1 - rows.Count, rows, cancellationToken);
            if (found == 0 && partition == "all" && after is null && before is null && IsDay(bucket) && string.CompareOrdinal(bucket, PruneBefore(now)) < 0)
            {
                await PruneAsync(bucket, etag, cancellationToken);
            }

            if (rows.Count > pageSize)
            {
                var last = rows[pageSize - 1];
                return ([.. rows.Take(pageSize).Select(r => r.Row)], $"{last.Bucket}/{last.Row.RowKey}");
            }
        }

        return ([.. rows.Select(r => r.Row)], null);
    }

    async Task<int> ReadAsync(string bucket, string filter, int wanted, List<(string, TableEntity)> into, CancellationToken cancellationToken)
    {
        var found = 0;
        try
        {
            // The service may return fewer rows than asked with a continuation; follow it until enough.
            await foreach (var page in BucketTable(bucket).QueryAsync<TableEntity>(filter, wanted, cancellationToken: cancellationToken).AsPages(pageSizeHint: wanted))
            {
                foreach (var row in page.Values.Take(wanted - found))
                {
                    into.Add((bucket, row));
                    found++;
                }

                if (found >= wanted)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Listed but not created yet (a writer between its two steps): nothing to show.
        }

        return found;
    }

    async IAsyncEnumerable<(string Bucket, ETag ETag)> BucketsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in Directory.QueryAsync<TableEntity>(e => e.PartitionKey == DirectoryPartition, cancellationToken: cancellationToken))
        {
            yield return (entry.RowKey, entry.ETag);
        }
    }

    /// <summary>
    /// Writes the directory entry, after the rows. An entry for a day that may be pruned is written
    /// every time, so its ETag changes and a reader that found the day empty cannot remove it.
    /// </summary>
    async Task ListBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        var prunable = IsDay(bucket) && string.CompareOrdinal(bucket, AlwaysListBefore(DateTimeOffset.UtcNow)) < 0;
        if (!prunable && listed.ContainsKey(bucket))
        {
            return;
        }

        await UpsertAsync(Directory, new TableEntity(DirectoryPartition, bucket), cancellationToken);
        if (!prunable)
        {
            listed[bucket] = true;
        }
    }

    /// <summary>An empty past day leaves the directory, unless a writer listed it again since it was read (ETag).</summary>
    async Task PruneAsync(string bucket, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await Directory.DeleteEntityAsync(DirectoryPartition, bucket, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    static async Task UpsertAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The first row of a new day creates its table.
            await table.CreateIfNotExistsAsync(cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    static async Task DeleteAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Deletes every index row of one application, in every day table (erasure). Not only the rows the application
    /// row remembers: a sync cut off between its two steps may have left others. Returns how many went.
    /// </summary>
    public async Task<int> DeleteApplicationAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var (bucket, _) in BucketsAsync(cancellationToken))
        {
            var table = BucketTable(bucket);
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Id eq {id}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    await DeleteAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
                    deleted++;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Listed but never created: nothing in it.
            }
        }

        return deleted;
    }

    /// <summary>Exposed for bench/dashboard, which fills the index in batches: the table of a bucket, listed.</summary>
    public async Task<TableClient> PrepareBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        await BucketTable(bucket).CreateIfNotExistsAsync(cancellationToken);
        await ListBucketAsync(bucket, cancellationToken);
        return BucketTable(bucket);
    }

    [GeneratedRegex(@"^(?<bucket>\d{8}|z\d{6})/(?<key>\d{19}-[A-Za-z0-9:_-]{1,120})$")]
    private static partial Regex ContinuationPattern();
}
