using Experimenten.Text;

namespace Experimenten.Domain;

/// <summary>What a reviewer can decide on a round.</summary>
public enum Decision
{
    Approve,
    Reject,
    Changes,
}

/// <summary>A decision in plain words (SharedText's <c>Decision.*</c>), as reviewers chose it on their page.</summary>
public static class DecisionText
{
    public static string For(Decision decision, string lang)
    {
        using var _ = TextCulture.Use(lang);
        return Catalogue.For<SharedText>().Decision(decision);
    }
}

/// <summary>How a review round ended.</summary>
public enum RoundResult
{
    Approved,
    Rejected,
    ChangesRequested,

    /// <summary>The application left review during the round (withdrawn or cancelled).</summary>
    Closed,
}

/// <summary>The call's rule for a round: pure, so the orchestrator can run it on its own state.</summary>
public static class ReviewRule
{
    /// <summary>
    /// Any "request changes" sends the plan back; enough approvals approve; once approval can no longer
    /// be reached it is rejected. At the close of a timed round what is there decides.
    /// </summary>
    public static RoundResult? Evaluate(IReadOnlyCollection<Decision> decisions, int invited, int approvalsNeeded, bool closing)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Contains(Decision.Changes))
        {
            return RoundResult.ChangesRequested;
        }

        var approvals = decisions.Count(d => d == Decision.Approve);
        var needed = Math.Min(approvalsNeeded, invited);
        if (approvals >= needed)
        {
            return RoundResult.Approved;
        }

        var stillOpen = invited - decisions.Count;
        if (approvals + stillOpen < needed || closing)
        {
            return RoundResult.Rejected;
        }

        return null;
    }
}
