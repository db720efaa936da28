using Experimenten.Domain;

namespace Experimenten.Orchestrations;

/// <summary>The external events of design §3. Names are the record names.</summary>
public static class Events
{
    public const string ReviewDecision = nameof(ReviewDecisionReceived);
    public const string RevisionSubmitted = nameof(Orchestrations.RevisionSubmitted);
    public const string ReportSubmitted = nameof(Orchestrations.ReportSubmitted);
    public const string ReportReviewed = nameof(Orchestrations.ReportReviewed);
    public const string DeadlineExtended = nameof(Orchestrations.DeadlineExtended);
    public const string RemindNow = nameof(Orchestrations.RemindNow);
    public const string ReviewerReassigned = nameof(Orchestrations.ReviewerReassigned);
    public const string Withdrawn = nameof(Orchestrations.Withdrawn);
    public const string Cancelled = nameof(Orchestrations.Cancelled);
    public const string ContactsChanged = nameof(Orchestrations.ContactsChanged);

    /// <summary>Parent to child: the application left the stage, stop waiting.</summary>
    public const string Close = nameof(CloseRequested);

    /// <summary>Instance id of review round <paramref name="round"/>: deterministic, so links and the coordinator can reach it.</summary>
    public static string RoundInstance(string applicationId, int round) => $"{applicationId}:review:{round}";

    /// <summary>Instance id of report <paramref name="number"/>'s cycle.</summary>
    public static string ReportInstance(string applicationId, int number) => $"{applicationId}:report:{number}";
}

public sealed record ReviewDecisionReceived(string ReviewerId, Decision Decision, string Comment, DateTimeOffset At);

public sealed record RevisionSubmitted(int Version, string? PlanBlob, string? PlanText, DateTimeOffset At);

public sealed record ReportSubmitted(int Number, string? Blob, string? Text, DateTimeOffset At);

public sealed record ReportReviewed(int Number, bool Accepted, string Comment, DateTimeOffset At);

public sealed record DeadlineExtended(DateTimeOffset Deadline, string Reason, DateTimeOffset At);

public sealed record RemindNow(DateTimeOffset At);

public sealed record ReviewerReassigned(string FromReviewerId, string ToReviewerId, DateTimeOffset At);

public sealed record Withdrawn(string Reason, DateTimeOffset At);

public sealed record Cancelled(string Reason, DateTimeOffset At);

public sealed record ContactsChanged(ContactRole Role, Contact Previous, Contact Next, DateTimeOffset At);

public sealed record CloseRequested(string Reason);
