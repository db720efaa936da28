namespace Experimenten.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A connection string: Azurite locally (<c>UseDevelopmentStorage=true</c>). Empty in Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Identity-based access in Azure: service endpoints plus the managed identity's client id.</summary>
    public Uri? BlobServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Prefix for every container and table name, so tests and benchmarks share one Azurite.</summary>
    public string Prefix { get; set; } = "";

    public bool IsValid() => !string.IsNullOrWhiteSpace(ConnectionString) || (BlobServiceUri is not null && TableServiceUri is not null);
}
