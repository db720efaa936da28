namespace Experimenten.Email;

/// <summary>Every email the product sends (design §3, "Emails at each stage").</summary>
public enum EmailKind
{
    // To both applicant contacts.
    Received,
    Ineligible,
    ChangesRequested,
    RevisionReminder,
    Lapsed,
    Approved,
    Rejected,
    ReportDueSoon,
    ReportDueToday,
    ReportOverdue,
    ReportReceived,
    ReportAccepted,
    ReportChangesRequested,
    Completed,
    Withdrawn,
    Cancelled,
    DeadlineMoved,
    ContactHandedOver,
    ContactWelcome,

    // To reviewers.
    ReviewInvitation,
    ReviewReminderSoon,
    ReviewReminderDue,
    ReviewOverdue,

    // To the coordinator.
    ReviewEscalation,
    ReportEscalation,
    ReportToAssess,

    /// <summary>A contact asked what the fund stores about them (AVG): answer within a month.</summary>
    DataRequested,
}
