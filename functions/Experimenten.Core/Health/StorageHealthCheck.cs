using Azure;
using Experimenten.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Experimenten.Health;

/// <summary>
/// Storage answers and holds what the product needs: the plans container and the applications table. One
/// small read each, so a probe costs two storage requests; the description names what failed, never a
/// connection string or an exception's full text.
/// </summary>
public sealed class StorageHealthCheck(StorageClients clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await clients.Container(StorageNames.PlansContainer).ExistsAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The blob container for plans is missing (the host creates it at start).");
            }

            await foreach (var _ in clients.Table(StorageNames.ApplicationsTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("Blobs and tables answer.");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"Storage answered {e.Status} {e.ErrorCode}.");
        }
        catch (Exception e) when (e is AggregateException or HttpRequestException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Storage cannot be reached ({e.GetType().Name}).");
        }
    }
}
