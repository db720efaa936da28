using Experimenten.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Experimenten.Health;

/// <summary>
/// The email transport is configured and its recent sends went through. A probe never sends or calls SendGrid
/// (that would cost a message or count against its rate limit); it reads what <see cref="EmailDeliveryRecord"/>
/// saw. Failing sends make it Degraded, not Unhealthy: a load balancer taking this host out would not help,
/// since every host uses the same transport, and the orchestrations retry the messages anyway.
/// </summary>
public sealed class EmailHealthCheck(IOptions<SendGridOptions> sendGrid, EmailDeliveryRecord record) : IHealthCheck
{
    /// <summary>This many failures in a row, with no success between, marks the transport as failing.</summary>
    public const int FailuresInARow = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var transport = sendGrid.Value.Enabled ? "SendGrid" : "the development outbox";
        var (failures, lastStatus) = record.Current;
        return Task.FromResult(failures >= FailuresInARow
            ? HealthCheckResult.Degraded($"The last {failures} messages to {transport} failed (last answer: {lastStatus}); they are retried.")
            : HealthCheckResult.Healthy($"Sending through {transport}."));
    }
}
