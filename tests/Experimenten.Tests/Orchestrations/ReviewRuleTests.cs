using Experimenten.Domain;

// Not Experimenten.Tests.Orchestrations: that would hide Experimenten.Orchestrations from the tests that name it relatively.
namespace Experimenten.Tests.Workflows;

/// <summary>The round's rule, as a table: decisions so far, invited, approvals needed, closing → result.</summary>
public sealed class ReviewRuleTests
{
    public static TheoryData<Decision[], int, int, bool, RoundResult?> Cases => new()
    {
        { [], 3, 2, false, null },
        { [Decision.Approve], 3, 2, false, null },
        { [Decision.Approve, Decision.Approve], 3, 2, false, RoundResult.Approved },
        { [Decision.Approve, Decision.Approve, Decision.Changes], 3, 2, false, RoundResult.ChangesRequested },
        { [Decision.Changes], 3, 2, false, RoundResult.ChangesRequested },
        { [Decision.Reject, Decision.Reject], 3, 2, false, RoundResult.Rejected },
        { [Decision.Reject], 3, 2, false, null },
        { [Decision.Approve], 1, 2, false, RoundResult.Approved },
        { [], 0, 2, false, RoundResult.Approved },
        { [Decision.Approve], 3, 2, true, RoundResult.Rejected },
        { [], 3, 2, true, RoundResult.Rejected },
        { [Decision.Approve, Decision.Approve], 3, 2, true, RoundResult.Approved },
        { [Decision.Approve, Decision.Reject, Decision.Approve], 3, 2, false, RoundResult.Approved },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate(Decision[] decisions, int invited, int needed, bool closing, RoundResult? expected) =>
        Assert.Equal(expected, ReviewRule.Evaluate(decisions, invited, needed, closing));
}
