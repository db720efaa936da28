using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Experimenten.Development;
using Experimenten.Http;
using Experimenten.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// The one place where the self-host's durable runtime is wired (design §4): the Durable Task SDK
/// worker and client talk gRPC to an embedded sidecar (<see cref="TaskHubGrpcServer"/>) on loopback,
/// and the sidecar runs on <see cref="AzureStorageOrchestrationService"/> — the backend Durable
/// Functions uses — on Azurite or a real account. In-memory only when asked (tests).
/// </summary>
public sealed class EmbeddedDurableRuntime(
    IOptions<DurableOptions> durable,
    IOptions<StorageOptions> storage,
    StorageInitializer storageInitializer,
    Calls.SeedImport seeds,
    Readiness readiness,
    FrontDoor frontDoor,
    LocalSecret localData,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    WebApplication? sidecar;

    static string FolderDigest(string folder) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..8].ToLowerInvariant();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storageInitializer.EnsureCreatedAsync(cancellationToken);

        // Seeds:Import (on in Development): the calls and reviewers of seeds/ that are not stored yet.
        await seeds.ImportIfConfiguredAsync(cancellationToken);
        var service = await CreateServiceAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhostOnly(durable.Value.SidecarPort));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);
        readiness.MarkReady();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.MarkNotReady("stopping");
        if (sidecar is not null)
        {
            await sidecar.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sidecar is not null)
        {
            await sidecar.DisposeAsync();
        }
    }

    async Task<IOrchestrationService> CreateServiceAsync()
    {
        var d = durable.Value;
        if (d.Backend == DurableBackend.InMemory)
        {
            return new InMemoryOrchestrationService(loggerFactory);
        }

        var s = storage.Value;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = d.TaskHub,
            StorageAccountClientProvider = !string.IsNullOrWhiteSpace(s.ConnectionString)
                ? new StorageAccountClientProvider(s.ConnectionString)
                : new StorageAccountClientProvider(s.BlobServiceUri!, s.QueueServiceUri ?? throw new InvalidOperationException("Storage:QueueServiceUri is required for the durable runtime."), s.TableServiceUri!,
                    new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = s.ClientId })),
            PartitionCount = d.PartitionCount,
            MaxQueuePollingInterval = d.MaxQueuePollingInterval,
            LoggerFactory = loggerFactory,
            ControlQueueVisibilityTimeout = d.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = d.MessageVisibilityTimeout,
            CustomMessageTypeBinder = new ProtobufMapBinder(),

            // A stable worker name lets a restarted host take its own partitions back at once
            // instead of waiting for the dead process's leases to expire; a second host needs a name of its own.
            WorkerId = d.WorkerId.Length > 0 ? d.WorkerId : $"{Environment.MachineName}-{d.TaskHub}-{FolderDigest(localData.Folder)}",
        };
        // The backend re-reads this number before each read from a control queue (it is not cached).
        var readAhead = settings.ControlQueueBufferThreshold;
        frontDoor.BusyChanged += busy => settings.ControlQueueBufferThreshold = busy ? d.ReadAheadWhileUploading : readAhead;
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        return new UploadsFirstService<PlainHistoryService<AzureStorageOrchestrationService>>(
            new PlainHistoryService<AzureStorageOrchestrationService>(service), frontDoor, d.BackgroundPauseWhileUploading);
    }
}

/// <summary>Kestrel for the sidecar: HTTP/2 only (gRPC), bound to 127.0.0.1.</summary>
static class SidecarKestrel
{
    public static void ListenLocalhostOnly(this KestrelServerOptions kestrel, int port) =>
        kestrel.Listen(System.Net.IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2);
}
