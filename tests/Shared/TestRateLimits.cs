namespace Experimenten.Testing;

/// <summary>
/// Tests and benchmarks send hundreds of submissions from 127.0.0.1 that all name the same two addresses: every
/// allowance of the product's rate limits is raised far above what they use, so only the rate-limit tests (which
/// set low numbers on purpose) ever see a 429. The limiter itself stays on, as in production.
/// </summary>
public static class TestRateLimits
{
    public const string Raised = "1000000";

    /// <summary>Configuration keys (<c>RateLimits:…</c>) with the raised numbers.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new[]
    {
        "SubmissionsPerClient",
        "UploadsPerClient",
        "UploadsPerApplication",
        "HandOversPerClient",
        "HandOversPerApplication",
        "WithdrawalsPerClient",
        "WithdrawalsPerApplication",
        "DecisionsPerClient",
        "DecisionsPerApplication",
        "SubmissionsPerContactEmail",
    }.ToDictionary(name => "RateLimits:" + name, _ => Raised);

    /// <summary>The same as environment variables (<c>RateLimits__…</c>), for a host in its own process.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } =
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
