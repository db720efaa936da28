using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

public sealed record RoundClosed(string ApplicationId, int Round, IReadOnlyList<string> Counted, DateTimeOffset At);

/// <summary>
/// Records that a review round closed and whose decisions counted, before the round ends: a decision
/// that arrives later is then answered "too late" instead of vanishing with the finished round.
/// </summary>
public sealed class CloseRound(ReviewStore reviews) : TracedActivity<RoundClosed, bool>
{
    protected override string ApplicationId(RoundClosed input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, RoundClosed input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await reviews.CloseRoundAsync(input.ApplicationId, input.Round, input.Counted, input.At, CancellationToken.None);
        return true;
    }
}
