using Experimenten.Domain;

namespace Experimenten.Tests.Workflow;

/// <summary>The round rule as a table: what the decisions so far settle, for a panel of three needing two approvals.</summary>
public sealed class ReviewRuleTests
{
    const Decision A = Decision.Approve;
    const Decision R = Decision.Reject;
    const Decision C = Decision.Changes;

    public static TheoryData<Decision[], int, int, bool, RoundResult?> Cases => new()
    {
        { [], 3, 2, false, null },
        { [A], 3, 2, false, null },
        { [A, A], 3, 2, false, RoundResult.Approved },
        { [R], 3, 2, false, null },
        { [R, R], 3, 2, false, RoundResult.Rejected },
        { [A, R], 3, 2, false, null },
        { [A, R, R], 3, 2, false, RoundResult.Rejected },
        { [C], 3, 2, false, RoundResult.ChangesRequested },
        { [A, A, C], 3, 2, false, RoundResult.ChangesRequested },
        // At the close of a timed round what is there decides.
        { [A], 3, 2, true, RoundResult.Rejected },
        { [], 3, 2, true, RoundResult.Rejected },
        { [A, A], 3, 2, true, RoundResult.Approved },
        // A panel smaller than the rule asks: every invited reviewer approving is enough.
        { [A], 1, 2, false, RoundResult.Approved },
        { [], 0, 2, false, RoundResult.Approved },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Settles_the_round_as_the_call_says(Decision[] decisions, int invited, int approvalsNeeded, bool closing, RoundResult? expected) =>
        Assert.Equal(expected, ReviewRule.Evaluate(decisions, invited, approvalsNeeded, closing));
}
