using Experimenten.Activities;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Experimenten.Orchestrations;

/// <summary>
/// ORCHESTRATOR — deterministic code only: time from the context, no I/O, no randomness.
/// One instance per application; the instance id is the application id.
/// </summary>
public sealed class ApplicationLifecycle : TaskOrchestrator<LifecycleInput, LifecycleOutcome>
{
    public override async Task<LifecycleOutcome> RunAsync(TaskOrchestrationContext context, LifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<ApplicationLifecycle>();

        await ProgressAsync(context, input, Stage.Screening, "fund", null, "Automatische controle");
        var failures = Screening.Evaluate(input.Form, input.Call, input.SubmittedAt);
        if (failures.Count > 0)
        {
            Logs.ApplicationIneligible(log, input.ApplicationId, string.Join(",", failures.Select(f => f.Rule)));
            await EmailApplicantsAsync(context, input, EmailKind.Ineligible, 0, failures);
            await ProgressAsync(context, input, Stage.Ineligible, "", null, "Niet in behandeling genomen: " + string.Join(", ", failures.Select(f => f.Rule)));
            return new LifecycleOutcome(Stage.Ineligible);
        }

        await EmailApplicantsAsync(context, input, EmailKind.Received, 0, null);
        await ProgressAsync(context, input, Stage.InReview, "reviewers", null, "Doorgestuurd naar de beoordelaars");
        Logs.ApplicationScreened(log, input.ApplicationId);
        return new LifecycleOutcome(Stage.InReview);
    }

    /// <summary>Every applicant email goes to both contacts: nobody takes the residents out of the loop.</summary>
    static Task EmailApplicantsAsync(TaskOrchestrationContext context, LifecycleInput input, EmailKind kind, int round, IReadOnlyList<ScreeningFailure>? failures)
    {
        var form = input.Form;
        var facts = new EmailFacts(form.Title, form.InitiativeName, input.Call.Title.For(form.Language), form.BudgetRequested, failures);
        var recipients = new[]
        {
            new Recipient(nameof(ContactRole.Resident).ToLowerInvariant(), form.ResidentContact.Name, form.ResidentContact.Email, form.Language),
            new Recipient(nameof(ContactRole.Welfare).ToLowerInvariant(), form.WelfareContact.Name, form.WelfareContact.Email, form.Language),
        };
        return Task.WhenAll(recipients.Select(to => context.CallActivityAsync<bool>(
            nameof(SendEmail), new EmailRequest(input.ApplicationId, kind, round, to, facts), Retries.Activity)));
    }

    static Task ProgressAsync(TaskOrchestrationContext context, LifecycleInput input, Stage stage, string waitingOn, DateTimeOffset? deadline, string line)
    {
        context.SetCustomStatus(new LifecycleStatus(stage, waitingOn, deadline));
        var at = context.CurrentUtcDateTime;
        return context.CallActivityAsync<bool>(
            nameof(RecordProgress),
            new ProgressUpdate(input.ApplicationId, stage, waitingOn, deadline, at, new TimelineEntry(at, stage.ToString(), line)),
            Retries.Activity);
    }
}
