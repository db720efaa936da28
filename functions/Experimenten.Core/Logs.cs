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

    [LoggerMessage(60, LogLevel.Warning, "Email {Kind} round {Round} for {ApplicationId} to {Recipient} not sent: the application or the recipient is gone")]
    public static partial void EmailSkipped(ILogger log, string applicationId, EmailKind kind, int round, string recipient);

    [LoggerMessage(6, LogLevel.Information, "Submission refused with {Status}: {Problem}")]
    public static partial void SubmissionRefused(ILogger log, int status, string problem);

    [LoggerMessage(7, LogLevel.Information, "Seeded {Count} calls and {Reviewers} reviewers")]
    public static partial void SeedsLoaded(ILogger log, int count, int reviewers);

    [LoggerMessage(20, LogLevel.Warning, "Submission to call {CallId} refused: its Idempotency-Key was used before with other content")]
    public static partial void IdempotencyKeyConflict(ILogger log, string callId);

    [LoggerMessage(21, LogLevel.Information, "Coordinator {User} signed in from {Client}")]
    public static partial void CoordinatorSignedIn(ILogger log, string user, string client);

    [LoggerMessage(22, LogLevel.Warning, "Coordinator sign-in failed for {User} from {Client}")]
    public static partial void CoordinatorSignInFailed(ILogger log, string user, string client);

    [LoggerMessage(23, LogLevel.Warning, "Coordinator sign-in for {User} from {Client} refused: too many wrong passwords")]
    public static partial void CoordinatorSignInThrottled(ILogger log, string user, string client);

    [LoggerMessage(24, LogLevel.Information, "Coordinator {User} signed out from {Client}")]
    public static partial void CoordinatorSignedOut(ILogger log, string user, string client);

    [LoggerMessage(25, LogLevel.Warning, "Cross-site request to {Path} refused")]
    public static partial void CrossSiteRefused(ILogger log, string path);

    [LoggerMessage(30, LogLevel.Warning, "Refused by the rate limit for {Action}; retry after {Seconds} s")]
    public static partial void RateLimited(ILogger log, string action, int seconds);

    [LoggerMessage(50, LogLevel.Information, "Application {ApplicationId} erased ({Cause}): {Instances} instances purged, {Rows} rows and {Files} files deleted")]
    public static partial void ApplicationErased(ILogger log, string applicationId, Privacy.ErasureCause cause, int instances, int rows, int files);

    [LoggerMessage(51, LogLevel.Information, "Erasure of {ApplicationId} ({Cause}): nothing stored, nothing to do")]
    public static partial void ErasureNothingToDo(ILogger log, string applicationId, Privacy.ErasureCause cause);

    [LoggerMessage(52, LogLevel.Information, "Application {ApplicationId} exported by a coordinator: {Rows} rows, {Files} files")]
    public static partial void ApplicationExported(ILogger log, string applicationId, int rows, int files);

    [LoggerMessage(53, LogLevel.Information, "Data request for {ApplicationId} from its {Role} contact recorded; due {Due}")]
    public static partial void DataRequested(ILogger log, string applicationId, string role, DateTimeOffset due);

    [LoggerMessage(40, LogLevel.Warning, "Counting applications for the gauges failed ({Error}); the next interval tries again")]
    public static partial void GaugesFailed(ILogger log, string error);

    [LoggerMessage(70, LogLevel.Information, "Seeds imported from {Folder}: {Calls} new calls, {Reviewers} new reviewers (those already stored were left alone)")]
    public static partial void SeedsImported(ILogger log, string folder, int calls, int reviewers);

    [LoggerMessage(71, LogLevel.Information, "Call {CallId} saved as version {Version} ({Kind}) by {By}")]
    public static partial void CallSaved(ILogger log, string callId, int version, Calls.CallChangeKind kind, string by);

    [LoggerMessage(72, LogLevel.Information, "Reviewer {ReviewerId} {Change} by {By}")]
    public static partial void ReviewerChanged(ILogger log, string reviewerId, string change, string by);

    [LoggerMessage(73, LogLevel.Information, "Reviewer {ReviewerId} removed from round {Round} of {ApplicationId}; replacement {Replacement}")]
    public static partial void ReviewerRemovedFromRound(ILogger log, string reviewerId, int round, string applicationId, string replacement);
}
