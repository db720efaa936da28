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

    public static Task EmailAsync(TaskOrchestrationContext context, EmailRequest request) =>
        EmailAsync(context, [request]);

    /// <summary>
    /// Several emails in one activity: each keeps its own stable key, so a retry after a partial
    /// failure sends only what is missing. One activity instead of one per recipient keeps the
    /// storage traffic per application down.
    /// </summary>
    public static Task EmailAsync(TaskOrchestrationContext context, IReadOnlyList<EmailRequest> requests) =>
        requests.Count == 0 ? Task.CompletedTask : CallAsync(context, nameof(SendEmail), new EmailBatch(requests));

    /// <summary>Every applicant email goes to both contacts: nobody takes the residents out of the loop.</summary>
    public static Task EmailApplicantsAsync(TaskOrchestrationContext context, string applicationId, EmailKind kind, int round, string language, EmailFacts facts, string variant = "") =>
        EmailAsync(context, ToApplicants(applicationId, kind, round, language, facts, variant));

    public static IReadOnlyList<EmailRequest> ToApplicants(string applicationId, EmailKind kind, int round, string language, EmailFacts facts, string variant = "") =>
        [.. new[] { ContactRole.Resident, ContactRole.Welfare }.Select(role => new EmailRequest(applicationId, kind, round, Recipient.Applicant(role, language), facts, variant))];

    public static Task EmailCoordinatorAsync(TaskOrchestrationContext context, string applicationId, EmailKind kind, int round, EmailFacts facts, string variant = "") =>
        EmailAsync(context, new EmailRequest(applicationId, kind, round, new Recipient(Recipient.CoordinatorKey, "", "", Languages.Dutch), facts, variant));

    /// <summary>Sets the custom status and keeps the read model (stage, waiting-on, deadline, timeline) in step.</summary>
    public static Task ProgressAsync(TaskOrchestrationContext context, ProgressUpdate update) =>
        CallAsync(context, nameof(RecordProgress), Stamped(context, update));

    /// <summary>A change of stage and its emails (and a round's reviewers) in one activity, recorded before anything is sent.</summary>
    public static Task AdvanceAsync(TaskOrchestrationContext context, ProgressUpdate update, IReadOnlyList<EmailRequest> emails, ReviewersInvited? reviewers = null) =>
        CallAsync(context, nameof(Advance), new StepUpdate(Stamped(context, update), emails, reviewers));

    /// <summary>Sets the custom status to the new stage and gives the timeline line its replay-safe id.</summary>
    static ProgressUpdate Stamped(TaskOrchestrationContext context, ProgressUpdate update)
    {
        context.SetCustomStatus(new LifecycleStatus(update.Stage, update.WaitingOn, update.NextDeadline));
        return update with { Timeline = update.Timeline is { } t ? t with { Id = Unique(context, t.Kind) } : null };
    }

    /// <summary>A timeline line without a change of stage (a decision, a reminder, a refused event).</summary>
    /// <param name="line">What applicants may read: no names of reviewers or coordinators.</param>
    /// <param name="actor">Who on the fund's side acted, for the coordinator's eyes only.</param>
    public static Task NoteAsync(TaskOrchestrationContext context, string applicationId, string kind, TimelineLine line, string? actor = null) =>
        CallAsync(context, nameof(RecordNote), new Note(applicationId, line.At(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), kind) with { Id = Unique(context, kind), Actor = actor }));

    static string Unique(TaskOrchestrationContext context, string kind) => $"{kind}-{context.NewGuid():N}"[..Math.Min(kind.Length + 13, 60)];
}
