namespace Experimenten.Domain;

/// <summary>Whether a reviewer is invited: paused reviewers keep the invitations they have, removed ones keep none.</summary>
public enum ReviewerStatus
{
    Active,
    Paused,
    Removed,
}

/// <summary>A member of the fund's review panel (table <c>reviewers</c>).</summary>
public sealed record Reviewer(string Id, string Name, string Email, IReadOnlyList<string> Organisations, string Language)
{
    public ReviewerStatus Status { get; init; } = ReviewerStatus.Active;

    /// <summary>Invited to new rounds.</summary>
    public bool IsActive => Status == ReviewerStatus.Active;

    /// <summary>A reviewer who works for the applicant's welfare organisation does not review it.</summary>
    public bool HasConflictWith(string welfareOrganisation) =>
        Organisations.Any(o => string.Equals(o.Trim(), welfareOrganisation.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The review panel: every reviewer the fund has, removed ones too (their names stay on the timelines they were part of).</summary>
public sealed record Panel(IReadOnlyList<Reviewer> Reviewers)
{
    public Reviewer? Find(string? id) => Reviewers.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// Who may be invited for an application to <paramref name="call"/>: the call's panel (or every reviewer) in its
    /// order, active, and without a conflict of interest with the applicant's welfare organisation; when that leaves
    /// nobody, every other active reviewer without a conflict.
    /// </summary>
    public IReadOnlyList<string> EligibleFor(Call call, string welfareOrganisation)
    {
        ArgumentNullException.ThrowIfNull(call);
        var members = call.Panel is { } ids ? ids.Select(Find).OfType<Reviewer>() : Reviewers;
        IReadOnlyList<string> eligible = [.. members.Where(r => r.IsActive && !r.HasConflictWith(welfareOrganisation)).Select(r => r.Id)];

        // When nobody on the call's panel may review it (all in conflict, paused or removed), the fund's other reviewers are asked.
        return eligible.Count > 0 || call.Panel is null
            ? eligible
            : [.. Reviewers.Where(r => r.IsActive && !r.HasConflictWith(welfareOrganisation)).Select(r => r.Id)];
    }
}
