using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <summary>The activity calls every orchestrator makes, each with the retry policy.</summary>
public static class Steps
{
    public static Task CallAsync(TaskOrchestrationContext context, string activity, object input) =>
        context.CallActivityAsync<bool>(activity, input, Retries.Activity);

    public static Task EmailAsync(TaskOrchestrationContext context, EmailOrder order) =>
        EmailAsync(context, [order]);

    /// <summary>
    /// Several emails in one activity: each keeps its own stable key, so a retry after a partial
    /// failure sends only what is missing. One activity instead of one per recipient keeps the
    /// storage traffic per application down.
    /// </summary>
    public static Task EmailAsync(TaskOrchestrationContext context, IReadOnlyList<EmailOrder> orders) =>
        orders.Count == 0 ? Task.CompletedTask : CallAsync(context, nameof(SendEmail), new EmailBatch(orders));

    /// <summary>Every applicant email goes to both contacts: nobody takes the residents out of the loop.</summary>
    public static Task EmailApplicantsAsync(TaskOrchestrationContext context, string applicationId, EmailKind kind, int round, EmailMentions mentions, string variant = "") =>
        EmailAsync(context, ToApplicants(applicationId, kind, round, mentions, variant));

    public static IReadOnlyList<EmailOrder> ToApplicants(string applicationId, EmailKind kind, int round, EmailMentions mentions, string variant = "") =>
        [.. new[] { ContactRole.Resident, ContactRole.Welfare }.Select(role => new EmailOrder(applicationId, kind, round, Recipient.ApplicantKey(role), mentions, variant))];

    public static Task EmailCoordinatorAsync(TaskOrchestrationContext context, string applicationId, EmailKind kind, int round, EmailMentions mentions, string variant = "") =>
        EmailAsync(context, new EmailOrder(applicationId, kind, round, Recipient.CoordinatorKey, mentions, variant));

    /// <summary>Sets the custom status and keeps the read model (stage, waiting-on, deadline, timeline) in step.</summary>
    public static Task ProgressAsync(TaskOrchestrationContext context, ProgressUpdate update) =>
        CallAsync(context, nameof(RecordProgress), Stamped(context, update));

    /// <summary>A change of stage and its emails (and a round's reviewers) in one activity, recorded before anything is sent.</summary>
    public static Task AdvanceAsync(TaskOrchestrationContext context, ProgressUpdate update, IReadOnlyList<EmailOrder> emails, ReviewersInvited? reviewers = null) =>
        CallAsync(context, nameof(Advance), new StepUpdate(Stamped(context, update), emails, reviewers));

    /// <summary>Sets the custom status to the new stage and gives the timeline line its replay-safe id.</summary>
    static ProgressUpdate Stamped(TaskOrchestrationContext context, ProgressUpdate update)
    {
        context.SetCustomStatus(new LifecycleStatus(update.Stage, update.WaitingOn, update.NextDeadline));
        return update with { Timeline = update.Timeline is { } t ? t with { Id = Unique(context, t.Kind) } : null };
    }

    /// <summary>A timeline line without a change of stage (a decision, a reminder, a refused event).</summary>
    /// <param name="line">What applicants may read: no names of reviewers or coordinators.</param>
    /// <param name="actor">Who on the fund's side acted, for the coordinator's eyes only: a reference such as <c>reviewer:{id}</c>, never a name.</param>
    public static Task NoteAsync(TaskOrchestrationContext context, string applicationId, string kind, TimelineLine line, string? actor = null) =>
        CallAsync(context, nameof(RecordNote), NoteOf(context, applicationId, kind, line, actor));

    /// <summary>
    /// The parts of one step in one activity (orchestration version 1.2 and later): a report's new state, the stage
    /// or a timeline line, and the emails, recorded in that order before anything is sent (<see cref="Advance"/>).
    /// </summary>
    public static Task StepAsync(TaskOrchestrationContext context, string applicationId, IReadOnlyList<EmailOrder> emails, ProgressUpdate? progress = null, ReportUpdate? report = null, (string Kind, TimelineLine Line)? note = null) =>
        CallAsync(context, nameof(Advance), new StepUpdate(
            progress is null ? null : Stamped(context, progress),
            emails,
            Report: report,
            Note: note is { } n ? NoteOf(context, applicationId, n.Kind, n.Line) : null));

    static Note NoteOf(TaskOrchestrationContext context, string applicationId, string kind, TimelineLine line, string? actor = null) =>
        new(applicationId, line.At(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), kind) with { Id = Unique(context, kind), Actor = actor });

    /// <summary>A timeline line whose actor is itself a line (a reassignment: who now, in place of whom).</summary>
    public static Task NoteAsync(TaskOrchestrationContext context, string applicationId, string kind, TimelineLine line, TimelineLine actor) =>
        CallAsync(context, nameof(RecordNote), new Note(
            applicationId,
            line.At(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), kind) with { Id = Unique(context, kind) },
            actor.Key,
            [.. actor.Args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "")]));

    static string Unique(TaskOrchestrationContext context, string kind) => $"{kind}-{context.NewGuid():N}"[..Math.Min(kind.Length + 13, 60)];
}
