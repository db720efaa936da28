using System.Globalization;
using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Experimenten.Orchestrations;

/// <summary>
/// ORCHESTRATOR — deterministic code only: time from the context, no I/O, no randomness.
/// One instance per application; the instance id is the application id. Design §3:
/// screening → review rounds (sub-orchestrations) ⇄ revisions → decision → monitoring (a
/// sub-orchestration per report) → completed; withdrawn or cancelled from any open stage.
/// A new stage is recorded before its email goes out, so the status link in that email already shows it.
/// </summary>
public sealed class ApplicationLifecycle : TaskOrchestrator<LifecycleInput, LifecycleOutcome>
{
    public override async Task<LifecycleOutcome> RunAsync(TaskOrchestrationContext context, LifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        OrchestrationVersions.Require(context);
        var run = new Run(context, input);
        var stage = await run.ExecuteAsync();

        // The last step: the data is kept for the call's period after this end, then erased (Retention).
        var ended = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await Steps.CallAsync(context, nameof(StartRetention), new RetentionInput(input.ApplicationId, input.Call.Keeps.After(stage).AddTo(ended)));
        return new LifecycleOutcome(stage);
    }

    /// <summary>One application's state while the orchestration runs.</summary>
    sealed class Run(TaskOrchestrationContext context, LifecycleInput input)
    {
        readonly Inbox inbox = new(context);
        readonly string id = input.ApplicationId;
        readonly EmailMentions none = EmailMentions.None;

        Stage? ended;
        int handovers;
        bool firstStep = true;

        DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        public async Task<Stage> ExecuteAsync()
        {
            var log = context.CreateReplaySafeLogger<ApplicationLifecycle>();
            inbox.Listen<Withdrawn>(Events.Withdrawn);
            inbox.Listen<Cancelled>(Events.Cancelled);
            inbox.Listen<ContactsChanged>(Events.ContactsChanged);

            var failures = Screening.Evaluate(input.Facts, input.Call, input.SubmittedAt);
            if (failures.Count > 0)
            {
                Logs.ApplicationIneligible(log, id, string.Join(",", failures.Select(f => f.Rule)));
                await EndAsync(Stage.Ineligible, new("Lifecycle.Ineligible", string.Join(", ", failures.Select(f => f.Rule))),
                    Applicants(EmailKind.Ineligible, 0, none with { Failures = failures }));
                return Stage.Ineligible;
            }

            await AdvanceAsync(Stage.Screening, WaitingOn.Fund, null, new("Lifecycle.Screened"), Applicants(EmailKind.Received, 0, none));
            Logs.ApplicationScreened(log, id);

            var approved = await ReviewAsync();
            if (approved is not true)
            {
                return ended!.Value;
            }

            return await MonitorAsync();
        }

        /// <summary>Review rounds until approved (true), or an end (false: <see cref="ended"/> says which).</summary>
        async Task<bool> ReviewAsync()
        {
            var rules = input.Call.Review;
            for (var round = 1; ; round++)
            {
                var outcome = await WhileListeningAsync(context.CallSubOrchestratorAsync<RoundOutcome>(
                    nameof(ReviewRound),
                    new ReviewRoundInput(id, round, input.Reviewers, rules),
                    Child(Events.RoundInstance(id, round))));
                if (outcome is null)
                {
                    context.SendEvent(Events.RoundInstance(id, round), Events.Close, new CloseRequested(ended.ToString()!));
                    return false;
                }

                var comments = none with { CommentsOfRound = round };
                switch (outcome.Result)
                {
                    case RoundResult.Approved:
                        await AdvanceAsync(Stage.Approved, WaitingOn.Nobody, null, new("Lifecycle.Approved", round, input.Facts.BudgetRequested),
                            Applicants(EmailKind.Approved, round, comments), round);
                        return true;

                    case RoundResult.ChangesRequested when round < input.Call.Revision.MaxRounds:
                        if (!await AwaitRevisionAsync(round, comments))
                        {
                            return false;
                        }

                        break;

                    default:
                        await EndAsync(Stage.Rejected, new("Lifecycle.Rejected", round),
                            Applicants(EmailKind.Rejected, round, rules.ShareCommentsOnReject ? comments : none));
                        return false;
                }
            }
        }

        /// <summary>Changes requested: wait for a revised plan before the deadline, or lapse.</summary>
        async Task<bool> AwaitRevisionAsync(int round, EmailMentions comments)
        {
            var revision = input.Call.Revision;
            // Two rungs: a reminder before the deadline (skipped when it is already past), then the plan lapses.
            var ladder = DeadlineLadder.StartAt(new LadderShape(input.Call.Review.ReminderBefore), Now + revision.Period, Now);
            inbox.Listen<RevisionSubmitted>(Events.RevisionSubmitted);
            inbox.Listen<DeadlineExtended>(Events.DeadlineExtended);
            inbox.Listen<RemindNow>(Events.RemindNow);
            await AdvanceAsync(Stage.ChangesRequested, WaitingOn.Applicant, ladder.Due, new("Lifecycle.ChangesRequested", round),
                Applicants(EmailKind.ChangesRequested, round, comments with { Deadline = ladder.Due }), round, context.InstanceId);

            for (var messages = 0; messages < Limits.MessagesPerWait; messages++)
            {
                // A deadline moved into the past leaves no rung: wake at once, and the plan lapses.
                var message = await inbox.NextAsync(ladder.WakeAt ?? Now);
                switch (message.Name)
                {
                    case Message.TimerName when ladder.Next == Rung.Before && Now < ladder.Due:
                        ladder.Advance();
                        await Steps.EmailApplicantsAsync(context, id, EmailKind.RevisionReminder, round, none with { Deadline = ladder.Due }, ladder.Variant);
                        break;

                    case Message.TimerName:
                        await EndAsync(Stage.Lapsed, new("Lifecycle.Lapsed", ladder.Due.ToString("u", CultureInfo.InvariantCulture)), Applicants(EmailKind.Lapsed, round, none));
                        return false;

                    case Events.RevisionSubmitted:
                        var plan = message.As<RevisionSubmitted>();
                        await ProgressAsync(Stage.InReview, WaitingOn.Reviewers, null, new("Lifecycle.RevisionReceived", plan.Version), round,
                            plan: new PlanRef(plan.Version, plan.PlanBlob, plan.PlanText));
                        return true;

                    case Events.DeadlineExtended:
                        var extended = message.As<DeadlineExtended>();
                        ladder.Extend(extended.Deadline, Now);
                        await AdvanceAsync(Stage.ChangesRequested, WaitingOn.Applicant, ladder.Due, new("Lifecycle.RevisionDeadlineMoved", extended.Reason ?? ""),
                            Applicants(EmailKind.DeadlineMoved, round, none with { Deadline = ladder.Due, Reason = extended.Reason }, ladder.Variant), round, context.InstanceId);
                        break;

                    case Events.RemindNow:
                        await Steps.EmailApplicantsAsync(context, id, EmailKind.RevisionReminder, round, none with { Deadline = ladder.Due }, $"now{context.NewGuid():N}");
                        break;

                    default:
                        if (!await HandleApplicationEventAsync(message))
                        {
                            return false;
                        }

                        break;
                }
            }

            await EndAsync(Stage.Lapsed, new("Lifecycle.LapsedTooManyEvents"), Applicants(EmailKind.Lapsed, round, none));
            return false;
        }

        /// <summary>Monitoring: one report cycle per progress report, then the final report.</summary>
        async Task<Stage> MonitorAsync()
        {
            var monitoring = input.Call.Monitoring;
            var start = Now;
            var reports = monitoring.ProgressReports + 1;
            await ProgressAsync(Stage.Monitoring, WaitingOn.Applicant, start + monitoring.Interval, new("Lifecycle.Monitoring", reports));
            for (var n = 1; n <= reports; n++)
            {
                var outcome = await WhileListeningAsync(context.CallSubOrchestratorAsync<ReportOutcome>(
                    nameof(ReportCycle),
                    new ReportCycleInput(id, n, n == reports, start + (monitoring.Interval * n), monitoring),
                    Child(Events.ReportInstance(id, n))));
                if (outcome is null)
                {
                    context.SendEvent(Events.ReportInstance(id, n), Events.Close, new CloseRequested(ended.ToString()!));
                    return ended!.Value;
                }
            }

            await EndAsync(Stage.Completed, new("Lifecycle.Completed"), Applicants(EmailKind.Completed, 0, none));
            return Stage.Completed;
        }

        /// <summary>Awaits a child while answering the application-wide events; null when the application ended meanwhile.</summary>
        async Task<T?> WhileListeningAsync<T>(Task<T> child)
            where T : class
        {
            // Bounded: each message adds a few history events; past the cap the parent stops listening.
            for (var messages = 0; messages < Limits.MessagesPerWait; messages++)
            {
                var message = await inbox.NextAsync(null, child);
                if (message == Message.Other)
                {
                    return await child;
                }

                if (!await HandleApplicationEventAsync(message))
                {
                    return null;
                }
            }

            return await child;
        }

        /// <summary>Withdrawn, cancelled or a contact handed over. False when the application ended.</summary>
        async Task<bool> HandleApplicationEventAsync(Message message)
        {
            switch (message.Name)
            {
                case Events.Withdrawn:
                    var withdrawn = message.As<Withdrawn>();
                    await EndAsync(Stage.Withdrawn, withdrawn.Reason is { } why ? new("Lifecycle.Withdrawn.Reason", why) : new("Lifecycle.Withdrawn"),
                        Applicants(EmailKind.Withdrawn, 0, none with { Reason = withdrawn.Reason }));
                    return false;

                case Events.Cancelled:
                    var cancelled = message.As<Cancelled>();
                    await EndAsync(Stage.Cancelled, new("Lifecycle.Cancelled", cancelled.Reason ?? ""), Applicants(EmailKind.Cancelled, 0, none with { Reason = cancelled.Reason }));
                    return false;

                case Events.ContactsChanged:
                    var change = message.As<ContactsChanged>();
                    handovers++;
                    var about = none with { Handover = change.Handover };
                    await Steps.EmailAsync(context, new EmailOrder(id, EmailKind.ContactHandedOver, 0, Recipient.Former(change.Role), about, $"h{handovers}"));
                    await Steps.EmailAsync(context, new EmailOrder(id, EmailKind.ContactWelcome, 0, Recipient.ApplicantKey(change.Role), about, $"h{handovers}"));
                    var (from, to) = HandoverTexts.HandoverNameRefs(change.Handover);
                    await Steps.NoteAsync(context, id, "ContactsChanged", new("Lifecycle.ContactsChanged", from, to));
                    return true;

                default:
                    await Steps.NoteAsync(context, id, "Refused", new("Lifecycle.EventRefused", message.Name));
                    return true;
            }
        }

        /// <summary>A final stage, recorded before the emails that announce it.</summary>
        async Task EndAsync(Stage stage, TimelineLine line, IReadOnlyList<EmailOrder> emails)
        {
            ended = stage;
            await AdvanceAsync(stage, WaitingOn.Nobody, null, line, emails, activeInstance: "");
        }

        Task AdvanceAsync(Stage stage, WaitingOn waitingOn, DateTimeOffset? deadline, TimelineLine line, IReadOnlyList<EmailOrder> emails, int? round = null, string? activeInstance = null) =>
            Steps.AdvanceAsync(context, Update(stage, waitingOn, deadline, line, round, activeInstance, null), emails);

        IReadOnlyList<EmailOrder> Applicants(EmailKind kind, int round, EmailMentions mentions, string variant = "") =>
            Steps.ToApplicants(id, kind, round, mentions, variant);

        /// <summary>A round or report cycle: its fixed instance id, the retry policy, and the parent's own version (docs/upgrades.md).</summary>
        SubOrchestrationOptions Child(string instanceId) => new(Retries.Activity, instanceId) { Version = context.Version };

        Task ProgressAsync(Stage stage, WaitingOn waitingOn, DateTimeOffset? deadline, TimelineLine line, int? round = null, string? activeInstance = null, PlanRef? plan = null) =>
            Steps.ProgressAsync(context, Update(stage, waitingOn, deadline, line, round, activeInstance, plan));

        /// <summary>A change of stage now, with its timeline line; the first one also records the submission's line.</summary>
        ProgressUpdate Update(Stage stage, WaitingOn waitingOn, DateTimeOffset? deadline, TimelineLine line, int? round, string? activeInstance, PlanRef? plan)
        {
            var submittedAt = firstStep ? input.SubmittedAt : (DateTimeOffset?)null;
            firstStep = false;
            return new(id, stage, waitingOn, deadline, Now, line.At(Now, stage.ToString()), round, activeInstance, plan, submittedAt);
        }
    }
}
