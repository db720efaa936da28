using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <summary>Every activity call goes through a retry policy: storage blips and 429s heal by themselves.</summary>
public static class Retries
{
    public static readonly TaskOptions Activity = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));
}
