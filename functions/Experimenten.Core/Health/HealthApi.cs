using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Experimenten.Health;

/// <summary>
/// <c>GET /healthz</c> (alive: the process answers) and <c>GET /readyz</c> (ready for work: storage, the durable
/// runtime, the email transport, each by name). Both hosts call these, so they answer the same way.
/// </summary>
/// <remarks>
/// Anyone can reach /readyz, so one evaluation serves every probe for <see cref="ReuseFor"/>: a flood of probes
/// costs storage nothing extra, and a load balancer polling every few seconds still sees a change at once.
/// </remarks>
public sealed class HealthApi(HealthCheckService checks, TimeProvider time) : IDisposable
{
    public const string ReadyTag = "ready";

    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(2);

    readonly SemaphoreSlim evaluating = new(1, 1);
    (ReadyAnswer Answer, DateTimeOffset At)? last;

    public static IResult Alive() => new NoStoreJson(Results.Json(new AliveAnswer("alive")));

    public async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var answer = await CurrentAsync(cancellationToken);
        return new NoStoreJson(Results.Json(answer, statusCode: answer.Status == Names(HealthStatus.Unhealthy)
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK));
    }

    async Task<ReadyAnswer> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await evaluating.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } justMade)
            {
                return justMade;
            }

            var report = await checks.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken);
            var answer = new ReadyAnswer(Names(report.Status), report.Entries.ToDictionary(
                e => e.Key,
                e => new CheckAnswer(Names(e.Value.Status), e.Value.Description ?? "", (long)e.Value.Duration.TotalMilliseconds)));
            last = (answer, time.GetUtcNow());
            return answer;
        }
        finally
        {
            evaluating.Release();
        }
    }

    public void Dispose() => evaluating.Dispose();

    ReadyAnswer? Fresh() => last is { } l && time.GetUtcNow() - l.At < ReuseFor ? l.Answer : null;

    static string Names(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    sealed record AliveAnswer(string Status);

    sealed record ReadyAnswer(string Status, IReadOnlyDictionary<string, CheckAnswer> Checks);

    sealed record CheckAnswer(string Status, string Description, [property: JsonPropertyName("durationMs")] long DurationMs);

    /// <summary>A probe's answer is about this moment: never from a cache.</summary>
    sealed class NoStoreJson(IResult json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.CacheControl = "no-store";
            return json.ExecuteAsync(httpContext);
        }
    }
}
