namespace Experimenten.SelfHost;

/// <summary>Every log line of the self-host.</summary>
static partial class SelfHostLogs
{
    [LoggerMessage(102, LogLevel.Information, "Demo application {ApplicationId} is in place")]
    public static partial void SeedApplication(ILogger log, string applicationId);

    /// <summary>The request line ASP.NET Core would log, with every token redacted (its own is switched off).</summary>
    [LoggerMessage(103, LogLevel.Information, "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void RequestFinished(ILogger log, string method, string path, int statusCode, double elapsedMilliseconds);
}
