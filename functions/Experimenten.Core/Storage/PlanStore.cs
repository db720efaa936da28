using Azure.Storage.Blobs.Models;

namespace Experimenten.Storage;

/// <summary>Plans and reports as blobs: <c>plans/{id}/v{n}/{safe-name}</c>, <c>reports/{id}/{n}/{safe-name}</c>.</summary>
public sealed class PlanStore(StorageClients clients)
{
    public async Task<string> SavePlanAsync(string applicationId, int version, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var path = $"{applicationId}/v{version}/{SafeFileName.From(fileName, contentType)}";
        var blob = clients.Container(StorageNames.PlansContainer).GetBlobClient(path);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return $"{StorageNames.PlansContainer}/{path}";
    }

    public async Task<string> SaveReportAsync(string applicationId, int number, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var path = $"{applicationId}/{number}/{SafeFileName.From(fileName, contentType)}";
        var blob = clients.Container(StorageNames.ReportsContainer).GetBlobClient(path);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return $"{StorageNames.ReportsContainer}/{path}";
    }

    /// <summary>Opens a stored plan or report by the path the read model holds (<c>container/path</c>).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(string stored, CancellationToken cancellationToken)
    {
        var slash = stored.IndexOf('/', StringComparison.Ordinal);
        var container = stored[..slash];
        var blob = clients.Blobs.GetBlobContainerClient(clients.Prefix + container).GetBlobClient(stored[(slash + 1)..]);
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        return (download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream", Path.GetFileName(stored));
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
