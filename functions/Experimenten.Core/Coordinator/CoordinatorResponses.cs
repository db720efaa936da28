using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Coordinator;

// What the coordinator API answers. Named, so the OpenAPI document describes the very types the handlers send.

/// <summary>One page of <c>GET /api/coordinator/applications</c>; pass <paramref name="ContinuationToken"/> back for the next.</summary>
public sealed record CoordinatorListPage(IReadOnlyList<CoordinatorListItem> Items, string? ContinuationToken);

public sealed record CoordinatorListItem(string Id, string CallId, string Title, string InitiativeName, string Stage, string WaitingOn, DateTimeOffset? NextDeadline, bool Overdue, int Round, DateTimeOffset UpdatedAt);

public sealed record CoordinatorDetail(
    string Id,
    string CallId,
    string Title,
    string Summary,
    string InitiativeName,
    string Stage,
    string WaitingOn,
    DateTimeOffset? NextDeadline,
    int Round,
    Contact ResidentContact,
    string WelfareOrganisation,
    Contact WelfareContact,
    string Municipality,
    long BudgetRequested,
    DateTimeOffset SubmittedAt,
    CoordinatorPlan Plan,
    IReadOnlyList<CoordinatorReview> Reviews,
    IReadOnlyList<CoordinatorReport> Reports,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The version of the consent text the applicant agreed to (<c>Privacy/Consent.cs</c>); null for applications from before it was recorded.</summary>
    public string? ConsentVersion { get; init; }
}

public sealed record CoordinatorPlan(int Version, bool HasFile, bool HasText);

public sealed record CoordinatorReview(int Round, string ReviewerId, string Name, DateTimeOffset InvitedAt, string? Decision, string? Comment, DateTimeOffset? DecidedAt, bool Reassigned);

public sealed record CoordinatorReport(int Number, bool Final, DateTimeOffset Due, string Status, string? Comment);

public sealed record DeadlineAccepted(string Id, DateTimeOffset Deadline, string Reason);

/// <param name="Reminded">Who is reminded: the party the application waits on.</param>
public sealed record ReminderAccepted(string Id, string Reminded);

public sealed record ReassignmentAccepted(string Id, int Round, string From, string To);

/// <param name="Requested">Always <c>cancel</c>.</param>
public sealed record CancellationAccepted(string Id, string Requested, string Reason);

public sealed record ContactReplacementAccepted(string Id, string Role, string Name, string Email, string Reason);

public sealed record ReportJudgementAccepted(string Id, int Report, bool Accepted);

/// <param name="RequestKey">The day it came in and the contact's role, as <c>GET /api/coordinator/data-requests</c> lists it.</param>
public sealed record DataRequestHandled(string Id, string RequestKey, string HandledBy, DateTimeOffset HandledAt);

/// <summary>One open data request: answer it within the legal deadline (one calendar month).</summary>
public sealed record OpenDataRequest(string Id, string RequestKey, string Role, DateTimeOffset RequestedAt, DateTimeOffset Due, bool Overdue);

/// <summary>A line of the audit log (<c>GET /api/coordinator/audit</c>).</summary>
public sealed record AuditLine(DateTimeOffset At, string Actor, string Action, string ApplicationId, string Reason);
