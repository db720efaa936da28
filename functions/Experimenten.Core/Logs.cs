using Experimenten.Email;
using Microsoft.Extensions.Logging;

namespace Experimenten;

/// <summary>Every log line of the core. Never log a token, a link or an email body.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Application {ApplicationId} accepted for call {CallId}")]
    public static partial void ApplicationAccepted(ILogger log, string applicationId, string callId);

    [LoggerMessage(2, LogLevel.Information, "Application {ApplicationId} already exists; idempotent answer")]
    public static partial void ApplicationAlreadyExists(ILogger log, string applicationId);

    [LoggerMessage(3, LogLevel.Information, "Application {ApplicationId} passed screening")]
    public static partial void ApplicationScreened(ILogger log, string applicationId);

    [LoggerMessage(4, LogLevel.Information, "Application {ApplicationId} is ineligible: {Rules}")]
    public static partial void ApplicationIneligible(ILogger log, string applicationId, string rules);

    [LoggerMessage(5, LogLevel.Information, "Email {Kind} round {Round} for {ApplicationId} to {Recipient} sent")]
    public static partial void EmailSent(ILogger log, string applicationId, EmailKind kind, int round, string recipient);

    [LoggerMessage(6, LogLevel.Information, "Submission refused with {Status}: {Problem}")]
    public static partial void SubmissionRefused(ILogger log, int status, string problem);

    [LoggerMessage(7, LogLevel.Information, "Seeded {Count} calls and {Reviewers} reviewers")]
    public static partial void SeedsLoaded(ILogger log, int count, int reviewers);

    [LoggerMessage(20, LogLevel.Warning, "Refused by the rate limit for {Action}; retry after {Seconds} s")]
    public static partial void RateLimited(ILogger log, string action, int seconds);
}
