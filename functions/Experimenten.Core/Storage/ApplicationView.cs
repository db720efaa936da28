using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>One application as the read model holds it: what every page shows without asking the runtime.</summary>
public sealed record ApplicationView(
    string Id,
    string CallId,
    string Title,
    string InitiativeName,
    Stage Stage,
    string WaitingOn,
    DateTimeOffset? NextDeadline,
    string Language,
    Contact ResidentContact,
    string WelfareOrganisation,
    Contact WelfareContact,
    string Municipality,
    long BudgetRequested,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One line of an application's history.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);
