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

    /// <summary>Instance id of the application's <see cref="Retention"/>: one per application.</summary>
    public static string RetentionInstance(string applicationId) => $"{applicationId}:retention";

    /// <summary>Instance id of report <paramref name="number"/>'s cycle.</summary>
    public static string ReportInstance(string applicationId, int number) => $"{applicationId}:report:{number}";
}

// Events carry ids, decisions and moments. What a person typed, and who they are, the edge stores first in the
// read model (TextStore, the review and application rows); an event names it by reference, never by value.

/// <summary>A reviewer decided; the comment is on their review row.</summary>
public sealed record ReviewDecisionReceived(string ReviewerId, Decision Decision, DateTimeOffset At);

/// <param name="PlanText">A <see cref="Storage.TextStore"/> reference to the typed plan, or null.</param>
public sealed record RevisionSubmitted(int Version, string? PlanBlob, string? PlanText, DateTimeOffset At);

/// <param name="Text">A <see cref="Storage.TextStore"/> reference to the typed report, or null.</param>
public sealed record ReportSubmitted(int Number, string? Blob, string? Text, DateTimeOffset At);

/// <param name="Comment">A <see cref="Storage.TextStore"/> reference to the coordinator's comment, or null.</param>
public sealed record ReportReviewed(int Number, bool Accepted, string? Comment, DateTimeOffset At);

/// <param name="Reason">A <see cref="Storage.TextStore"/> reference to the reason, or null.</param>
public sealed record DeadlineExtended(DateTimeOffset Deadline, string? Reason, DateTimeOffset At);

public sealed record RemindNow(DateTimeOffset At);

public sealed record ReviewerReassigned(string FromReviewerId, string ToReviewerId, DateTimeOffset At);

/// <param name="Reason">A <see cref="Storage.TextStore"/> reference to the reason, or null when none was given.</param>
public sealed record Withdrawn(string? Reason, DateTimeOffset At);

/// <param name="Reason">A <see cref="Storage.TextStore"/> reference to the reason.</param>
public sealed record Cancelled(string? Reason, DateTimeOffset At);

/// <summary>A contact handed over; the read model has the new contact, the hand-over's stored texts the former one.</summary>
/// <param name="Handover">The id under which the edge stored the former contact and the new name (<see cref="Storage.HandoverTexts"/>).</param>
public sealed record ContactsChanged(ContactRole Role, string Handover, DateTimeOffset At);

public sealed record CloseRequested(string Reason);
