using Experimenten.Http;
using Experimenten.Storage;
using Microsoft.Extensions.Hosting;

namespace Experimenten.Functions;

/// <summary>Creates containers and tables at start (and imports the seeds where configured); /readyz turns ready afterwards.</summary>
sealed class StorageStartup(StorageInitializer storage, Calls.SeedImport seeds, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);

        // Only with Seeds__Import=true (docs/deploy.md): a production app imports once, or never.
        await seeds.ImportIfConfiguredAsync(cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
