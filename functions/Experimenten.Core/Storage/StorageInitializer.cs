namespace Experimenten.Storage;

/// <summary>Creates the containers and tables if they are missing. Safe to run on every start.</summary>
public sealed class StorageInitializer(StorageClients clients)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in StorageNames.Containers)
        {
            await clients.Container(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var name in StorageNames.Tables)
        {
            await clients.Table(name).CreateIfNotExistsAsync(cancellationToken);
        }

        await new ReadModel(clients).MoveListIndexToDayTablesAsync(cancellationToken);
    }
}
