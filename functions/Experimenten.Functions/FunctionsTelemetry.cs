using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Experimenten.Storage;
using Experimenten.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Experimenten.Functions;

/// <summary>
/// The worker's traces and metrics: to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// is set, ingested with the app's user-assigned identity (the resource accepts no key), and to OTLP or the
/// console as on the self-host. Logs are not exported from here: the Functions host forwards the worker's
/// logs already, through the host.json filters.
/// </summary>
public static class FunctionsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static void AddFunctionsTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration[ConnectionStringSetting];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var otel = builder.AddExperimentenTelemetry(hostExports: azureMonitor, logs: false);
        if (otel is null)
        {
            return;
        }

        otel.UseFunctionsWorkerDefaults();
        if (azureMonitor)
        {
            // The same identity and setting the storage clients use (Storage:ClientId, see StorageClients).
            var clientId = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ClientId)}"];
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
            otel.WithTracing(t => t.AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString, credential))
                .WithMetrics(m => m.AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString, credential));
        }
    }
}
