using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Experimenten.Storage;

/// <summary>
/// Plans and reports as blobs: <c>plans/{id}/v{n}/plan.{ext}</c>, <c>reports/{id}/{n}/report.{ext}</c>. The path goes into
/// durable history (a revision's or report's event), so it holds no word of the uploader's: the file's own name,
/// which may name a person or a street, is kept as the blob's metadata and given back on download.
/// </summary>
public sealed class PlanStore(StorageClients clients)
{
    public async Task<string> SavePlanAsync(string applicationId, int version, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var stored = PlanPath(applicationId, version, fileName, contentType);
        await SaveAsync(stored, contentType, content, cancellationToken, fileName);
        return stored;
    }

    /// <summary>Where a plan is stored (<c>container/path</c>, as the read model holds it), known before it is.</summary>
    public static string PlanPath(string applicationId, int version, string fileName, string contentType) =>
        $"{StorageNames.PlansContainer}/{applicationId}/v{version}/plan{Path.GetExtension(SafeFileName.From(fileName, contentType))}";

    const string NameKey = "filename";

    /// <summary>Stores a plan or report at the path the read model holds (<c>container/path</c>).</summary>
    /// <param name="fileName">The uploader's name for the file, given back on download.</param>
    public async Task SaveAsync(string stored, string contentType, Stream content, CancellationToken cancellationToken, string? fileName = null)
    {
        var metadata = fileName is null ? null : new Dictionary<string, string> { [NameKey] = Uri.EscapeDataString(SafeFileName.From(fileName, contentType)) };
        await Blob(stored).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata }, cancellationToken);
    }

    public async Task<string> SaveReportAsync(string applicationId, int number, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var stored = $"{StorageNames.ReportsContainer}/{applicationId}/{number}/report{Path.GetExtension(SafeFileName.From(fileName, contentType))}";
        await SaveAsync(stored, contentType, content, cancellationToken, fileName);
        return stored;
    }

    /// <summary>Opens a stored plan or report by the path the read model holds (<c>container/path</c>).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(string stored, CancellationToken cancellationToken)
    {
        var download = await Blob(stored).DownloadStreamingAsync(cancellationToken: cancellationToken);
        var name = download.Value.Details.Metadata.TryGetValue(NameKey, out var escaped) ? Uri.UnescapeDataString(escaped) : Path.GetFileName(stored);
        return (download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream", name);
    }

    BlobClient Blob(string stored)
    {
        var slash = stored.IndexOf('/', StringComparison.Ordinal);
        return clients.Container(stored[..slash]).GetBlobClient(stored[(slash + 1)..]);
    }

    /// <summary>Whether any blob exists under the application's plan folder (tests: nothing left behind).</summary>
    public async Task<bool> AnyPlanAsync(string applicationId, CancellationToken cancellationToken)
    {
        await foreach (var _ in clients.Container(StorageNames.PlansContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, applicationId + "/", cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>Counts every plan blob: a rejected submission must not change it.</summary>
    public async Task<int> CountPlansAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in clients.Container(StorageNames.PlansContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            count++;
        }

        return count;
    }
}
