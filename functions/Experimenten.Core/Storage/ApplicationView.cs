using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>One application as the read model holds it: what every page shows without asking the runtime.</summary>
public sealed record ApplicationView(
    string Id,
    string CallId,
    string Title,
    string InitiativeName,
    Stage Stage,
    WaitingOn WaitingOn,
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
    /// <summary>Hand-overs of the residents' contact so far; their links carry it (<see cref="Links.LinkToken.Gen"/>).</summary>
    public int ResidentGen { get; init; }

    /// <summary>Hand-overs of the welfare organisation's contact so far.</summary>
    public int WelfareGen { get; init; }

    /// <summary>The consent text's version agreed to at submission (<see cref="Privacy.Consent.Version"/>); null before it was recorded.</summary>
    public string? ConsentVersion { get; init; }

    public Contact ContactFor(ContactRole role) => role == ContactRole.Resident ? ResidentContact : WelfareContact;

    public int GenFor(ContactRole role) => role == ContactRole.Resident ? ResidentGen : WelfareGen;
}

/// <summary>One line of an application's history.</summary>
/// <param name="Id">Tells apart lines of the same kind at the same moment; replays produce the same id.</param>
/// <param name="Text">What happened, as applicants may read it: never who on the fund's side did it.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text)
{
    public string? Id { get; init; }

    /// <summary>Who on the fund's side acted (a reviewer, a coordinator): shown to coordinators only.</summary>
    public string? Actor { get; init; }

    /// <summary>The line's key in TimelineText, read in the reader's language; null for lines from before keys (their Text is all there is).</summary>
    public string? Key { get; init; }

    /// <summary>The arguments of <see cref="Key"/>, invariant: numbers as digits, moments as "u".</summary>
    public IReadOnlyList<string>? Args { get; init; }
}
