using Experimenten.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Experimenten.Functions;

/// <summary>
/// The core's <see cref="RateLimits"/> in front of every HTTP trigger, as the self-host's rate-limiting middleware
/// is: a refused request gets its 429 here and never reaches the function, storage or email.
/// </summary>
/// <remarks>
/// The counts are per worker instance: scaled out to n instances, a client may get up to n times the allowance.
/// </remarks>
public sealed class RateLimitMiddleware(RateLimits limits) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // Durable activities and orchestrations have no HTTP request; they are never limited.
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        using var lease = limits.Limiter.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            await limits.RejectAsync(http, lease);
            return;
        }

        await next(context);
    }
}
