namespace Experimenten.Testing;

/// <summary>The shared Azurite (tests/Shared) as an xunit fixture here too.</summary>
public sealed partial class Azurite : IAsyncLifetime;
