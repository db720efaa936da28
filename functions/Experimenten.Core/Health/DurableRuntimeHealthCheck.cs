using Experimenten.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Experimenten.Health;

/// <summary>
/// The durable runtime has started and, where the host can ask it, answers: the self-host asks its embedded
/// sidecar for an instance that does not exist (one round trip through the sidecar to the task hub). The
/// Functions host runs the runtime itself, so there the check is that this worker finished starting.
/// </summary>
public sealed class DurableRuntimeHealthCheck(Readiness readiness, IDurableRuntimeProbe? probe = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy($"The durable runtime is not running ({readiness.Reason}).");
        }

        if (probe is null)
        {
            return HealthCheckResult.Healthy("Started.");
        }

        var problem = await probe.ProbeAsync(cancellationToken);
        return problem is null ? HealthCheckResult.Healthy("Started and answering.") : HealthCheckResult.Unhealthy(problem);
    }
}

/// <summary>A host that can ask its durable runtime whether it answers (the self-host's embedded sidecar).</summary>
public interface IDurableRuntimeProbe
{
    /// <returns>Null when the runtime answered, otherwise what went wrong, in one sentence.</returns>
    Task<string?> ProbeAsync(CancellationToken cancellationToken);
}
