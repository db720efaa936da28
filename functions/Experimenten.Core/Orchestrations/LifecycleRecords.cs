using Experimenten.Domain;

namespace Experimenten.Orchestrations;

/// <summary>Input of <see cref="ApplicationLifecycle"/>: everything it decides on, captured at submission.</summary>
/// <remarks>
/// The call is a snapshot: changing the seeds later never changes a running application. No names, addresses
/// or typed text: those stay in the read model, where retention and erasure reach them (docs/upgrades.md).
/// </remarks>
/// <param name="Reviewers">The panel's reviewers without a conflict of interest with this application, in panel order.</param>
public sealed record LifecycleInput(string ApplicationId, Call Call, DateTimeOffset SubmittedAt, ApplicationFacts Facts, IReadOnlyList<string> Reviewers);

/// <summary>What the workflow needs to know about a form: the facts screening decides on, not the form itself.</summary>
public sealed record ApplicationFacts(string Language, long BudgetRequested, bool HasResidentContact, bool HasWelfareOrganisation, bool HasPlan)
{
    public static ApplicationFacts Of(ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(
            form.Language,
            form.BudgetRequested,
            !string.IsNullOrWhiteSpace(form.ResidentContact.Name) && !string.IsNullOrWhiteSpace(form.ResidentContact.Email),
            !string.IsNullOrWhiteSpace(form.WelfareOrganisation),
            !string.IsNullOrWhiteSpace(form.PlanText) || !string.IsNullOrWhiteSpace(form.PlanBlob));
    }
}

public sealed record LifecycleOutcome(Stage Stage);

/// <summary>The orchestration's custom status: what the runtime shows while it waits.</summary>
public sealed record LifecycleStatus(Stage Stage, WaitingOn WaitingOn, DateTimeOffset? NextDeadline);
