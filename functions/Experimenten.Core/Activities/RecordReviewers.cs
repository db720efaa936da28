using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <param name="Replaces">A reviewer taken off the round (reassignment), whose link then stops counting.</param>
public sealed record ReviewersInvited(string ApplicationId, int Round, IReadOnlyList<string> Reviewers, DateTimeOffset At, string? Replaces = null);

/// <summary>Records who reviews a round, so the decision page knows them and can refuse anybody else. Names and addresses come from the panel now.</summary>
public sealed class RecordReviewers(ReviewStore reviews, CallCatalog catalog) : TracedActivity<ReviewersInvited, bool>
{
    protected override string ApplicationId(ReviewersInvited input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ReviewersInvited input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // A reviewer removed from the panel meanwhile is not invited: no row, so no link of theirs opens the round.
        var current = (await catalog.GetAsync(CancellationToken.None)).Panel;
        var panel = input.Reviewers.Select(current.Find).OfType<Reviewer>().Where(r => r.Status != ReviewerStatus.Removed);
        await reviews.InviteAsync(input.ApplicationId, input.Round, panel, input.At, CancellationToken.None);
        if (input.Replaces is { } old)
        {
            await reviews.WithdrawInvitationAsync(input.ApplicationId, input.Round, old, CancellationToken.None);
        }

        return true;
    }
}
