using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Commands.Reviewer;

/// <summary>
/// A reviewer's decision from the signed link in their invitation. <see cref="Decision"/> is the form's word
/// ("approve", "reject", "changes") as sent, so an unknown word is refused here and not by the edge.
/// </summary>
public sealed record DecideReview(string Token, string? Decision, string Comment, string Language);

/// <summary>The reviewer's seat in an open round: what the review page shows and a decision is recorded against.</summary>
public sealed record ReviewSeat(ApplicationView View, int Round, string ReviewerId, ReviewRow Row);

/// <summary>A decision that was recorded and passed to the round.</summary>
public sealed record ReviewDecided(ReviewSeat Seat, Decision Decision, DateTimeOffset At);

/// <summary>The stable codes of a reviewer's refusals (<c>urn:experimenten:problem:{code}</c>).</summary>
public static class ReviewCodes
{
    public const string LinkInvalid = "link-invalid";
    public const string LinkExpired = "link-expired";
    public const string AlreadyDecided = "already-decided";
    public const string RoundClosed = "round-closed";
    public const string Reassigned = "reassigned";
    public const string DecisionInvalid = "decision-invalid";
}
