namespace Experimenten.Domain;

public sealed record Reviewer(string Id, string Name, string Email, IReadOnlyList<string> Organisations, string Language)
{
    /// <summary>A reviewer who works for the applicant's welfare organisation does not review it.</summary>
    public bool HasConflictWith(string welfareOrganisation) =>
        Organisations.Any(o => string.Equals(o.Trim(), welfareOrganisation.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record Coordinator(string Name, string Email);

public sealed record Panel(IReadOnlyList<Reviewer> Reviewers, IReadOnlyList<Coordinator> Coordinators);
