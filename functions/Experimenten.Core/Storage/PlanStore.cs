using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Experimenten.Storage;

/// <summary>Plans and reports as blobs: <c>plans/{id}/v{n}/{safe-name}</c>, <c>reports/{id}/{n}/{safe-name}</c>.</summary>
public sealed class PlanStore(StorageClients clients)
{
    public async Task<string> SavePlanAsync(string applicationId, int version, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var stored = PlanPath(applicationId, version, fileName, contentType);
        await SaveAsync(stored, contentType, content, cancellationToken);
        return stored;
    }

    /// <summary>Where a plan is stored (<c>container/path</c>, as the read model holds it), known before it is.</summary>
    public static string PlanPath(string applicationId, int version, string fileName, string contentType) =>
        $"{StorageNames.PlansContainer}/{applicationId}/v{version}/{SafeFileName.From(fileName, contentType)}";

    /// <summary>Stores a plan or report at the path the read model holds (<c>container/path</c>).</summary>
    public async Task SaveAsync(string stored, string contentType, Stream content, CancellationToken cancellationToken)
    {
        await Blob(stored).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    public async Task<string> SaveReportAsync(string applicationId, int number, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var stored = $"{StorageNames.ReportsContainer}/{applicationId}/{number}/{SafeFileName.From(fileName, contentType)}";
        await SaveAsync(stored, contentType, content, cancellationToken);
        return stored;
    }

    /// <summary>Opens a stored plan or report by the path the read model holds (<c>container/path</c>).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(string stored, CancellationToken cancellationToken)
    {
        var download = await Blob(stored).DownloadStreamingAsync(cancellationToken: cancellationToken);
        return (download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream", Path.GetFileName(stored));
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
