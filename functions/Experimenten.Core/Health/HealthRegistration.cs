using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Experimenten.Health;

public static class HealthRegistration
{
    /// <summary>Each check has its own time limit, so one that hangs makes /readyz say which one, not time out as a whole.</summary>
    static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddExperimentenHealth(this IServiceCollection services)
    {
        services.AddSingleton<EmailDeliveryRecord>();
        services.AddSingleton<HealthApi>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, [HealthApi.ReadyTag], CheckTimeout)
            .AddCheck<DurableRuntimeHealthCheck>("durable-runtime", HealthStatus.Unhealthy, [HealthApi.ReadyTag], CheckTimeout)
            .AddCheck<EmailHealthCheck>("email", HealthStatus.Degraded, [HealthApi.ReadyTag], CheckTimeout);
        return services;
    }
}
