using Experimenten.Domain;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>Who may be invited to a round, from the reviewers the application could have when it was sent.</summary>
public sealed record ReviewersWanted(string ApplicationId, int Round, IReadOnlyList<string> Candidates);

/// <summary>
/// From version 1.1 each review round starts with this: of the reviewers eligible at submission, those still
/// active on the panel now, in the same order. A reviewer paused or removed since is not invited to a new round
/// (unless every one of them is paused: then the paused ones are, so the round has somebody to wait for).
/// Ids only go in and out: names and addresses stay in the panel.
/// </summary>
public sealed class ChooseReviewers(CallCatalog catalog) : TracedActivity<ReviewersWanted, IReadOnlyList<string>>
{
    protected override string ApplicationId(ReviewersWanted input) => input.ApplicationId;

    protected override async Task<IReadOnlyList<string>> ExecuteAsync(TaskActivityContext context, ReviewersWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = (await catalog.GetAsync(CancellationToken.None)).Panel;
        IReadOnlyList<string> active = [.. input.Candidates.Where(id => panel.Find(id) is { IsActive: true })];

        // With everyone paused a round still needs somebody to wait for: the paused ones, never a removed one.
        return active.Count > 0 ? active : [.. input.Candidates.Where(id => panel.Find(id) is { Status: ReviewerStatus.Paused })];
    }
}
