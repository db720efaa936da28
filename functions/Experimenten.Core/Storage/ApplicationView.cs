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
    DateTimeOffset UpdatedAt,
    string Summary,
    int Round,
    string? ActiveInstance,
    PlanRef Plan)
{
    public Contact ContactFor(ContactRole role) => role == ContactRole.Resident ? ResidentContact : WelfareContact;
}

/// <summary>One line of an application's history.</summary>
/// <param name="Id">Tells apart lines of the same kind at the same moment; replays produce the same id.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text)
{
    public string? Id { get; init; }
}
