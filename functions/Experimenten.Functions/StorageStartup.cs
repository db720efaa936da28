using Experimenten.Http;
using Experimenten.Storage;
using Microsoft.Extensions.Hosting;

namespace Experimenten.Functions;

/// <summary>Creates containers and tables at start; /readyz turns ready afterwards.</summary>
sealed class StorageStartup(StorageInitializer storage, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
