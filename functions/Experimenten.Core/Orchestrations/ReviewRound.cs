using System.Globalization;
using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <summary>Input of one review round: who may be invited (reviewer ids without a conflict of interest, in panel order) and the call's rules for the round.</summary>
public sealed record ReviewRoundInput(
    string ApplicationId,
    int Round,
    IReadOnlyList<string> Reviewers,
    ReviewSettings Review);

/// <summary>How the round ended and what the reviewers wrote.</summary>
public sealed record RoundOutcome(RoundResult Result, IReadOnlyList<ReviewDecisionReceived> Decisions);

/// <summary>
/// ORCHESTRATOR — one review round (a sub-orchestration per round, instance id
/// <c>{applicationId}:review:{round}</c>): invites every panel reviewer without a conflict of interest,
/// collects decisions, walks the reminder ladder per reviewer and escalates to the coordinator.
/// </summary>
public sealed class ReviewRound : TaskOrchestrator<ReviewRoundInput, RoundOutcome>
{
    public override async Task<RoundOutcome> RunAsync(TaskOrchestrationContext context, ReviewRoundInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        OrchestrationVersions.Require(context);
        var rules = input.Review;
        // 1.1: who is on the panel now, of those eligible when the application was sent (paused and removed reviewers are not invited).
        var eligible = context.AtLeast(OrchestrationVersions.V11)
            ? await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ChooseReviewers), new ReviewersWanted(input.ApplicationId, input.Round, input.Reviewers), Retries.Activity)
            : input.Reviewers;
        var invited = (rules.ReviewersPerRound > 0 ? eligible.Take(rules.ReviewersPerRound) : eligible).ToList();
        var decisions = new Dictionary<string, ReviewDecisionReceived>();
        var ladder = DeadlineLadder.Start(new LadderShape(rules.ReminderBefore, rules.OverdueAfter, rules.EscalateAfter), Now(context) + rules.Period);
        var reminders = 0;

        var inbox = new Inbox(context);
        inbox.Listen<ReviewDecisionReceived>(Events.ReviewDecision);
        inbox.Listen<DeadlineExtended>(Events.DeadlineExtended);
        inbox.Listen<RemindNow>(Events.RemindNow);
        inbox.Listen<ReviewerReassigned>(Events.ReviewerReassigned);
        inbox.Listen<CloseRequested>(Events.Close);

        // Reviewers and the read model are written before any invitation goes out, so an instant click finds the round open.
        await Steps.AdvanceAsync(context, ProgressUpdate(context, input, ladder.Due, new("Review.Invited", input.Round, invited.Count)),
            Invitations(input, EmailKind.ReviewInvitation, invited, ladder.Due, ""),
            new ReviewersInvited(input.ApplicationId, input.Round, invited, Now(context)));

        // 1.1: a round with nobody to ask (every eligible reviewer paused, removed or in conflict) never decides by
        // itself: zero of zero approvals is no approval. The fund office is told at once; the round waits for it.
        var nobody = context.AtLeast(OrchestrationVersions.V11) && invited.Count == 0;
        if (nobody)
        {
            await Steps.EmailCoordinatorAsync(context, input.ApplicationId, EmailKind.ReviewEscalation, input.Round, EmailMentions.None with { Deadline = ladder.Due }, "nobody");
            await Steps.NoteAsync(context, input.ApplicationId, "Escalation", new("Review.NobodyToAsk", input.Round));
        }

        for (var messages = 0; messages < Limits.MessagesPerWait; messages++)
        {
            var settled = nobody ? null : ReviewRule.Evaluate([.. decisions.Values.Select(d => d.Decision)], invited.Count, rules.ApprovalsNeeded, closing: false);
            if (settled is { } result && (rules.Completion == ReviewCompletion.Quorum || decisions.Count == invited.Count))
            {
                return await CloseAsync(context, inbox, input, result, decisions);
            }

            var message = await inbox.NextAsync(ladder.WakeAt);
            switch (message.Name)
            {
                case Message.TimerName:
                    var reached = ladder.Advance();
                    var waitingFor = invited.Where(r => !decisions.ContainsKey(r)).ToList();
                    if (reached == Rung.Escalate)
                    {
                        await Steps.EmailCoordinatorAsync(context, input.ApplicationId, EmailKind.ReviewEscalation, input.Round,
                            EmailMentions.None with { Deadline = ladder.Due, WaitingFor = waitingFor }, ladder.Variant);
                        await Steps.NoteAsync(context, input.ApplicationId, "Escalation", new("Review.Escalated", input.Round));
                    }
                    else
                    {
                        var kind = reached switch { Rung.Before => EmailKind.ReviewReminderSoon, Rung.Due => EmailKind.ReviewReminderDue, _ => EmailKind.ReviewOverdue };
                        await Email(context, input, kind, waitingFor, ladder.Due, ladder.Variant);
                    }

                    if (reached == Rung.Due && rules.Completion == ReviewCompletion.Timeout && !nobody)
                    {
                        var closing = ReviewRule.Evaluate([.. decisions.Values.Select(d => d.Decision)], invited.Count, rules.ApprovalsNeeded, closing: true)!.Value;
                        return await CloseAsync(context, inbox, input, closing, decisions);
                    }

                    break;

                case Events.ReviewDecision:
                    var decision = message.As<ReviewDecisionReceived>();
                    if (invited.Contains(decision.ReviewerId) && !decisions.ContainsKey(decision.ReviewerId))
                    {
                        decisions[decision.ReviewerId] = decision;
                        await Steps.NoteAsync(context, input.ApplicationId, "Decision", new($"Review.Decided.{decision.Decision}", input.Round), Recipient.Reviewer(decision.ReviewerId));
                    }
                    else
                    {
                        await Steps.NoteAsync(context, input.ApplicationId, "Refused", new("Review.DecisionRefused", input.Round), decision.ReviewerId);
                    }

                    break;

                case Events.DeadlineExtended:
                    var extended = message.As<DeadlineExtended>();
                    ladder.Extend(extended.Deadline, Now(context));
                    await Progress(context, input, ladder.Due, new("Review.DeadlineMoved", input.Round, ladder.Due.ToString("u", CultureInfo.InvariantCulture), extended.Reason ?? ""));
                    break;

                case Events.RemindNow:
                    reminders++;
                    await Email(context, input, EmailKind.ReviewReminderDue, [.. invited.Where(r => !decisions.ContainsKey(r))], ladder.Due, $"now{reminders}");
                    await Steps.NoteAsync(context, input.ApplicationId, "Reminder", new("Review.Reminded", input.Round));
                    break;

                case Events.ReviewerReassigned:
                    var swap = message.As<ReviewerReassigned>();
                    var replacement = eligible.FirstOrDefault(r => r == swap.ToReviewerId);
                    if (replacement is not null && invited.Contains(swap.FromReviewerId) && !decisions.ContainsKey(swap.FromReviewerId) && !invited.Contains(replacement))
                    {
                        invited.Remove(swap.FromReviewerId);
                        invited.Add(replacement);
                        await Steps.CallAsync(context, nameof(RecordReviewers), new ReviewersInvited(input.ApplicationId, input.Round, [replacement], Now(context), swap.FromReviewerId));
                        await Email(context, input, EmailKind.ReviewInvitation, [replacement], ladder.Due, "");
                        await Steps.NoteAsync(context, input.ApplicationId, "Reassigned", new("Review.Reassigned", input.Round),
                            new TimelineLine("Review.Reassigned.Actor", Recipient.Reviewer(replacement), swap.FromReviewerId));
                    }
                    else
                    {
                        await Steps.NoteAsync(context, input.ApplicationId, "Refused", new("Review.ReassignRefused", input.Round), $"{swap.FromReviewerId} → {swap.ToReviewerId}");
                    }

                    break;

                case Events.Close:
                    return await CloseAsync(context, inbox, input, RoundResult.Closed, decisions);
            }
        }

        // A safety valve, not a path anyone walks: what is there decides.
        var final = nobody ? RoundResult.Closed : ReviewRule.Evaluate([.. decisions.Values.Select(d => d.Decision)], invited.Count, rules.ApprovalsNeeded, closing: true)!.Value;
        return await CloseAsync(context, inbox, input, final, decisions);
    }

    /// <summary>
    /// Writes down that the round closed and whose decisions counted, before it ends. Decisions that
    /// were already queued behind the one that settled the round are taken out and noted as late, so
    /// none vanishes with the finished round.
    /// </summary>
    static async Task<RoundOutcome> CloseAsync(TaskOrchestrationContext context, Inbox inbox, ReviewRoundInput input, RoundResult result, Dictionary<string, ReviewDecisionReceived> decisions)
    {
        await Steps.CallAsync(context, nameof(CloseRound), new RoundClosed(input.ApplicationId, input.Round, [.. decisions.Keys], Now(context)));
        for (var drained = 0; drained < Limits.MessagesPerWait; drained++)
        {
            var late = await inbox.NextAsync(Now(context));
            if (late == Message.Timer)
            {
                break;
            }

            if (late.Name == Events.ReviewDecision)
            {
                await Steps.NoteAsync(context, input.ApplicationId, "Refused", new("Review.DecisionLate", input.Round), late.As<ReviewDecisionReceived>().ReviewerId);
            }
        }

        return new RoundOutcome(result, [.. decisions.Values]);
    }

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    static Task Email(TaskOrchestrationContext context, ReviewRoundInput input, EmailKind kind, IReadOnlyList<string> reviewers, DateTimeOffset due, string variant) =>
        Steps.EmailAsync(context, Invitations(input, kind, reviewers, due, variant));

    static IReadOnlyList<EmailOrder> Invitations(ReviewRoundInput input, EmailKind kind, IReadOnlyList<string> reviewers, DateTimeOffset due, string variant) =>
        [.. reviewers.Select(r => new EmailOrder(input.ApplicationId, kind, input.Round, Recipient.Reviewer(r), EmailMentions.None with { Deadline = due }, variant))];

    static Task Progress(TaskOrchestrationContext context, ReviewRoundInput input, DateTimeOffset due, TimelineLine line) =>
        Steps.ProgressAsync(context, ProgressUpdate(context, input, due, line));

    static ProgressUpdate ProgressUpdate(TaskOrchestrationContext context, ReviewRoundInput input, DateTimeOffset due, TimelineLine line) =>
        new(input.ApplicationId, Stage.InReview, WaitingOn.Reviewers, due, Now(context), line.At(Now(context), "Review"), input.Round, context.InstanceId);
}
