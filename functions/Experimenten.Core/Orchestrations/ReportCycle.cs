using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

public sealed record ReportCycleInput(string ApplicationId, int Number, bool Final, DateTimeOffset Due, MonitoringSettings Monitoring);

public sealed record ReportOutcome(bool Accepted);

/// <summary>
/// ORCHESTRATOR — one progress or final report (a sub-orchestration per report, instance id
/// <c>{applicationId}:report:{n}</c>, so the parent's history stays small however long the experiment
/// runs): reminders before, at and after the due date, escalation, then the coordinator's verdict.
/// </summary>
public sealed class ReportCycle : TaskOrchestrator<ReportCycleInput, ReportOutcome>
{
    public override async Task<ReportOutcome> RunAsync(TaskOrchestrationContext context, ReportCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        OrchestrationVersions.Require(context);
        var m = input.Monitoring;
        var facts = EmailMentions.None with { ReportNumber = input.Number, FinalReport = input.Final };
        var submitted = false;
        var submissions = 0;
        var ladder = DeadlineLadder.Start(new LadderShape(m.ReminderBefore, m.OverdueAfter, m.EscalateAfter), input.Due);

        var inbox = new Inbox(context);
        inbox.Listen<ReportSubmitted>(Events.ReportSubmitted);
        inbox.Listen<ReportReviewed>(Events.ReportReviewed);
        inbox.Listen<DeadlineExtended>(Events.DeadlineExtended);
        inbox.Listen<RemindNow>(Events.RemindNow);
        inbox.Listen<CloseRequested>(Events.Close);

        await StepAsync(context, input, Report(context, input, ladder.Due, ReportStatus.Due, null, null, null), [],
            () => Progress(context, input, WaitingOn.Applicant, ladder.Due, new(input.Final ? "Report.Requested.Final" : "Report.Requested", input.Number)));

        for (var messages = 0; messages < Limits.MessagesPerWait; messages++)
        {
            // A report in the fund's hands stops the ladder; changes asked for start it again where it was.
            var message = await inbox.NextAsync(submitted ? null : ladder.WakeAt);
            switch (message.Name)
            {
                case Message.TimerName:
                    var reached = ladder.Advance();
                    if (reached == Rung.Escalate)
                    {
                        await StepAsync(context, input, null, [[ToCoordinator(input, EmailKind.ReportEscalation, facts with { Deadline = ladder.Due }, ladder.Variant)]],
                            note: ("Escalation", new("Report.Escalated", input.Number)));
                    }
                    else
                    {
                        var kind = reached switch { Rung.Before => EmailKind.ReportDueSoon, Rung.Due => EmailKind.ReportDueToday, _ => EmailKind.ReportOverdue };
                        await Steps.EmailApplicantsAsync(context, input.ApplicationId, kind, input.Number, facts with { Deadline = ladder.Due }, ladder.Variant);
                    }

                    break;

                case Events.ReportSubmitted:
                    var report = message.As<ReportSubmitted>();
                    if (report.Number != input.Number || submitted)
                    {
                        await Steps.NoteAsync(context, input.ApplicationId, "Refused", new(submitted ? "Report.Refused.Assessing" : "Report.Refused.Expected", report.Number, input.Number));
                        break;
                    }

                    submitted = true;
                    submissions++;
                    await StepAsync(context, input, Report(context, input, ladder.Due, ReportStatus.Submitted, report.Blob, report.Text, null),
                        [ToApplicants(input, EmailKind.ReportReceived, facts, $"s{submissions}"), [ToCoordinator(input, EmailKind.ReportToAssess, facts, $"s{submissions}")]],
                        () => Progress(context, input, WaitingOn.Fund, null, new("Report.Received", input.Number)));
                    break;

                case Events.ReportReviewed:
                    var verdict = message.As<ReportReviewed>();
                    if (verdict.Number != input.Number || !submitted)
                    {
                        await Steps.NoteAsync(context, input.ApplicationId, "Refused", new("Report.VerdictRefused", verdict.Number));
                        break;
                    }

                    if (verdict.Accepted)
                    {
                        await StepAsync(context, input, Report(context, input, ladder.Due, ReportStatus.Accepted, null, null, verdict.Comment),
                            [ToApplicants(input, EmailKind.ReportAccepted, facts)], note: ("ReportAccepted", new("Report.Accepted", input.Number)));
                        return new ReportOutcome(true);
                    }

                    submitted = false;
                    await StepAsync(context, input, Report(context, input, ladder.Due, ReportStatus.ChangesRequested, null, null, verdict.Comment),
                        [ToApplicants(input, EmailKind.ReportChangesRequested, facts with { Comment = verdict.Comment, Deadline = ladder.Due }, $"s{submissions}")],
                        () => Progress(context, input, WaitingOn.Applicant, ladder.Due, new("Report.ChangesRequested", input.Number)));
                    break;

                case Events.DeadlineExtended:
                    var extended = message.As<DeadlineExtended>();
                    ladder.Extend(extended.Deadline, Now(context));
                    await StepAsync(context, input, Report(context, input, ladder.Due, ReportStatus.Due, null, null, null),
                        [ToApplicants(input, EmailKind.DeadlineMoved, facts with { Deadline = ladder.Due, Reason = extended.Reason }, ladder.Variant)],
                        () => Progress(context, input, submitted ? WaitingOn.Fund : WaitingOn.Applicant, ladder.Due, new("Report.DeadlineMoved", input.Number, extended.Reason ?? "")));
                    break;

                case Events.RemindNow:
                    await StepAsync(context, input, null, [ToApplicants(input, EmailKind.ReportDueToday, facts with { Deadline = ladder.Due }, $"now{context.NewGuid():N}")],
                        note: ("Reminder", new("Report.Reminded", input.Number)));
                    break;

                case Events.Close:
                    return new ReportOutcome(false);
            }
        }

        await Steps.NoteAsync(context, input.ApplicationId, "Refused", new("Report.TooManyEvents", input.Number));
        return new ReportOutcome(false);
    }

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>
    /// One step of the cycle: the report's new state, its emails, then the stage or a timeline line. From 1.2 they go
    /// in one activity, recorded before the emails are sent. Older instances take the activities they recorded, one
    /// per part and in their order (each email group its own activity, the stage after the emails); the stage's
    /// update is made when its turn comes, so it carries the same time as before.
    /// </summary>
    static async Task StepAsync(TaskOrchestrationContext context, ReportCycleInput input, ReportUpdate? report, IReadOnlyList<IReadOnlyList<EmailOrder>> emails,
        Func<ProgressUpdate>? progress = null, (string Kind, TimelineLine Line)? note = null)
    {
        if (context.AtLeast(OrchestrationVersions.V12))
        {
            await Steps.StepAsync(context, input.ApplicationId, [.. emails.SelectMany(e => e)], progress?.Invoke(), report, note);
            return;
        }

        if (report is not null)
        {
            await Steps.CallAsync(context, nameof(RecordReport), report);
        }

        foreach (var group in emails)
        {
            await Steps.EmailAsync(context, group);
        }

        if (progress is not null)
        {
            await Steps.ProgressAsync(context, progress());
        }

        if (note is { } n)
        {
            await Steps.NoteAsync(context, input.ApplicationId, n.Kind, n.Line);
        }
    }

    static ReportUpdate Report(TaskOrchestrationContext context, ReportCycleInput input, DateTimeOffset due, ReportStatus status, string? blob, string? text, string? comment) =>
        new(input.ApplicationId, input.Number, input.Final, due, status, blob, text, comment, Now(context));

    static ProgressUpdate Progress(TaskOrchestrationContext context, ReportCycleInput input, WaitingOn waitingOn, DateTimeOffset? due, TimelineLine line) =>
        new(input.ApplicationId, Stage.Monitoring, waitingOn, due, Now(context), line.At(Now(context), "Report"), ActiveInstance: context.InstanceId);

    static IReadOnlyList<EmailOrder> ToApplicants(ReportCycleInput input, EmailKind kind, EmailMentions mentions, string variant = "") =>
        Steps.ToApplicants(input.ApplicationId, kind, input.Number, mentions, variant);

    static EmailOrder ToCoordinator(ReportCycleInput input, EmailKind kind, EmailMentions mentions, string variant) =>
        new(input.ApplicationId, kind, input.Number, Recipient.CoordinatorKey, mentions, variant);
}
