using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.DurableTask.Client;

namespace Experimenten.Commands.Reviewer;

/// <summary>
/// A reviewer's seat and decision behind the signed review link: the one place that says whether the link
/// still opens the round and records the decision (first one wins), for the page and any other edge.
/// </summary>
public sealed class ReviewDecisions(ReadModel readModel, ReviewStore reviews, LinkSigner signer, ReviewRefusals refusals, TimeProvider time)
{
    public const int CommentMax = 4000;

    /// <summary>The open seat the link names, or why it does not open (forged, expired, decided, reassigned, round closed).</summary>
    public async Task<Outcome<ReviewSeat>> OpenAsync(string token, string language, CancellationToken cancellationToken)
    {
        var check = signer.Check(token, LinkPurpose.Review);
        if (check.Result != LinkCheckResult.Valid)
        {
            return refusals.Link(check.Result, language);
        }

        var claims = check.Claims!;
        var view = await readModel.GetAsync(claims.ApplicationId, cancellationToken);
        var row = view is null ? null : await reviews.GetAsync(view.Id, claims.Round, claims.Subject, cancellationToken);
        if (view is null || row is null)
        {
            return refusals.Link(LinkCheckResult.Invalid, language);
        }

        if (row.Decision is not null)
        {
            return refusals.AlreadyDecided(view, row, language);
        }

        if (row.Reassigned)
        {
            return refusals.Reassigned(language);
        }

        if (view.Stage != Stage.InReview || view.Round != claims.Round || await reviews.ClosedRoundAsync(view.Id, claims.Round, cancellationToken) is not null)
        {
            return refusals.RoundClosed(claims.Round, language);
        }

        return Outcome.Accepted(new ReviewSeat(view, claims.Round, claims.Subject, row));
    }

    /// <summary>Records the decision and tells the round; a second decision on the same seat is refused with the first.</summary>
    /// <remarks>The durable client comes from the caller: the Functions worker binds it per call, the self-host from its services.</remarks>
    public async Task<Outcome<ReviewDecided>> DecideAsync(DecideReview command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        var opened = await OpenAsync(command.Token, command.Language, cancellationToken);
        if (opened.Refusal is { } closed)
        {
            return closed;
        }

        var seat = opened.Value!;
        var comment = command.Comment.Trim();
        if (!Enum.TryParse<Decision>(command.Decision, ignoreCase: true, out var decision) || !Enum.IsDefined(decision))
        {
            return refusals.Invalid("decision", "Review.Error.Decision", command.Language);
        }

        if (decision != Decision.Approve && comment.Length == 0)
        {
            return refusals.Invalid("comment", "Review.Error.CommentNeeded", command.Language);
        }

        if (comment.Length > CommentMax)
        {
            return refusals.Invalid("comment", "Review.Error.CommentTooLong", command.Language);
        }

        var now = time.GetUtcNow();
        var (recorded, row) = await reviews.DecideAsync(seat.View.Id, seat.Round, seat.ReviewerId, decision, comment, now, cancellationToken);
        if (!recorded)
        {
            return refusals.AlreadyDecided(seat.View, row, command.Language);
        }

        await durable.RaiseEventAsync(Events.RoundInstance(seat.View.Id, seat.Round), Events.ReviewDecision,
            new ReviewDecisionReceived(seat.ReviewerId, decision, now), cancellationToken);
        return Outcome.Accepted(new ReviewDecided(seat, decision, now));
    }

    const string ReviewerPrefix = "reviewer:";

    /// <summary>The application whose plan a plan link opens; a reviewer replaced in the round (or never in it) no longer reads it.</summary>
    public async Task<Outcome<ApplicationView>> OpenPlanAsync(string token, string language, CancellationToken cancellationToken)
    {
        var check = signer.Check(token, LinkPurpose.Plan);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is null)
        {
            return refusals.Link(check.Result == LinkCheckResult.Valid ? LinkCheckResult.Invalid : check.Result, language);
        }

        var subject = check.Claims!.Subject;
        var reviewer = subject.StartsWith(ReviewerPrefix, StringComparison.Ordinal) ? subject[ReviewerPrefix.Length..] : subject;
        if (await reviews.GetAsync(view.Id, check.Claims.Round, reviewer, cancellationToken) is not { Reassigned: false })
        {
            return refusals.Link(LinkCheckResult.Invalid, language);
        }

        return Outcome.Accepted(view);
    }

    /// <summary>The plan link a seat's page offers: bound to the reviewer, so a replaced reviewer's link stops.</summary>
    public string PlanToken(ReviewSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return signer.Sign(LinkPurpose.Plan, seat.View.Id, ReviewerPrefix + seat.ReviewerId, seat.Round, TimeSpan.FromDays(30));
    }
}
