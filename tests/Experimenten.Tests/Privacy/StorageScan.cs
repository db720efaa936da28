using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Experimenten.Tests.Privacy;

/// <summary>
/// Looks for given texts in every table, blob container and queue of Azurite whose name starts with a test's
/// prefix (the app's storage and its task hub both start with it): found by listing, never from a list in the code,
/// so a table someone adds later is searched too. Blobs are read whole (gzip ones unpacked: the durable runtime
/// compresses large messages), queue messages as sent and base64-decoded.
/// </summary>
static class StorageScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, string prefix, IReadOnlyCollection<string> needles)
    {
        var found = new List<string>();
        void Check(string where, string text)
        {
            foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add($"{needle} in {where}");
            }
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                Check($"table {table.Name} row {row.PartitionKey}/{row.RowKey}", string.Join("\n", row.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            if (!container.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, null, default))
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                Check($"blob {container.Name}/{blob.Name}", blob.Name + "\n" + string.Join("\n", blob.Metadata.Select(m => m.Value)) + "\n" + Readable(bytes));
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            if (!queue.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var body = message.Body.ToString();
                Check($"queue {queue.Name}", body + "\n" + Decoded(body));
            }
        }

        return found;
    }

    /// <summary>Every table, container and queue name of the prefix: the test shows it searched the durable runtime's too.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(string connectionString, string prefix)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync())
        {
            names.Add("table:" + table.Name);
        }

        await foreach (var container in new BlobServiceClient(connectionString).GetBlobContainersAsync())
        {
            names.Add("container:" + container.Name);
        }

        await foreach (var queue in new QueueServiceClient(connectionString).GetQueuesAsync())
        {
            names.Add("queue:" + queue.Name);
        }

        return [.. names.Where(n => n[(n.IndexOf(':', StringComparison.Ordinal) + 1)..].StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
    }

    static string Readable(byte[] bytes)
    {
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    static string Decoded(string body)
    {
        try
        {
            return Readable(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
