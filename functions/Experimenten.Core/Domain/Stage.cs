namespace Experimenten.Domain;

/// <summary>The lifecycle stages of design §3. Terminal stages end the orchestration.</summary>
public enum Stage
{
    Submitted,
    Screening,
    Ineligible,
    InReview,
    ChangesRequested,
    Lapsed,
    Approved,
    Rejected,
    Monitoring,
    Completed,
    Withdrawn,
    Cancelled,
}

public static class StageExtensions
{
    public static bool IsFinal(this Stage stage) => stage is Stage.Ineligible or Stage.Lapsed or Stage.Rejected
        or Stage.Completed or Stage.Withdrawn or Stage.Cancelled;
}
