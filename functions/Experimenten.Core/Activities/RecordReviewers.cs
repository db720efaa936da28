using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <param name="Replaces">A reviewer taken off the round (reassignment), whose link then stops counting.</param>
public sealed record ReviewersInvited(string ApplicationId, int Round, IReadOnlyList<Reviewer> Reviewers, DateTimeOffset At, string? Replaces = null);

/// <summary>Records who reviews a round, so the decision page knows them and can refuse anybody else.</summary>
public sealed class RecordReviewers(ReviewStore reviews) : TracedActivity<ReviewersInvited, bool>
{
    protected override string ApplicationId(ReviewersInvited input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ReviewersInvited input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await reviews.InviteAsync(input.ApplicationId, input.Round, input.Reviewers, input.At, CancellationToken.None);
        if (input.Replaces is { } old)
        {
            await reviews.WithdrawInvitationAsync(input.ApplicationId, input.Round, old, CancellationToken.None);
        }

        return true;
    }
}
