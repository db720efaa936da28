namespace Experimenten.Testing;

/// <summary>One Azurite for every test class that touches storage.</summary>
public sealed partial class Azurite : IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<Azurite>
{
    public const string Name = "storage";
}
