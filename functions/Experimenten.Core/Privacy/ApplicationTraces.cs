using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Experimenten.Storage;

namespace Experimenten.Privacy;

/// <summary>One stored row of an application, with the table it is in.</summary>
public sealed record TraceRow(string Table, TableEntity Row);

/// <summary>One stored file of an application: <c>container/path</c>, as the read model holds it.</summary>
public sealed record TraceBlob(string Container, string Name)
{
    public string Stored => $"{Container}/{Name}";
}

/// <summary>
/// Where everything stored about one application is, outside the durable runtime: its partition in every
/// application-scoped table (<see cref="StorageNames.ApplicationTables"/>), the mail sent about it (SendGrid's
/// sent-keys and the local outbox, whose keys start with the application id and carry it as a field), and its plan
/// and report files. Export reads these; erasure deletes them. One list, so the two cannot disagree.
/// </summary>
public sealed class ApplicationTraces(StorageClients clients)
{
    /// <summary>The mail tables: one partition each, rows found by their ApplicationId field.</summary>
    public static readonly string[] MailTables = [StorageNames.SentMailTable, StorageNames.OutboxTable];

    /// <summary>The containers with a folder per application (<c>{container}/{id}/…</c>).</summary>
    public static readonly string[] FileContainers = [StorageNames.PlansContainer, StorageNames.ReportsContainer];

    public async IAsyncEnumerable<TraceRow> RowsAsync(string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var table in StorageNames.ApplicationTables)
        {
            await foreach (var row in QueryAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken))
            {
                yield return row;
            }
        }
    }

    public async IAsyncEnumerable<TraceRow> MailAsync(string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var table in MailTables)
        {
            await foreach (var row in QueryAsync(table, TableClient.CreateQueryFilter($"ApplicationId eq {id}"), cancellationToken))
            {
                yield return row;
            }
        }
    }

    public async IAsyncEnumerable<TraceBlob> BlobsAsync(string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var container in FileContainers)
        {
            await foreach (var blob in clients.Container(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", cancellationToken))
            {
                yield return new TraceBlob(container, blob.Name);
            }
        }
    }

    public async Task DeleteAsync(TraceRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            await clients.Table(row.Table).DeleteEntityAsync(row.Row.PartitionKey, row.Row.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already (an erasure that runs again).
        }
    }

    public Task DeleteAsync(TraceBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return clients.Container(blob.Container).DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    async IAsyncEnumerable<TraceRow> QueryAsync(string table, string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new List<TraceRow>();
        try
        {
            // Read whole before anyone deletes: deleting while paging may skip rows.
            await foreach (var row in clients.Table(table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(new TraceRow(table, row));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A table this host has not made (yet): nothing of the application in it.
        }

        foreach (var row in rows)
        {
            yield return row;
        }
    }
}
