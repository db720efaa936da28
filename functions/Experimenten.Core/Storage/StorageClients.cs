using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Experimenten.Storage;

/// <summary>The blob and table clients, from a connection string locally or a managed identity in Azure.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Prefix = o.Prefix;
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Blobs = new BlobServiceClient(o.ConnectionString);
            Tables = new TableServiceClient(o.ConnectionString);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ClientId });
            Blobs = new BlobServiceClient(o.BlobServiceUri, credential);
            Tables = new TableServiceClient(o.TableServiceUri, credential);
        }
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public string Prefix { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Prefix + name);

    public TableClient Table(string name) => Tables.GetTableClient(Prefix + name);
}
