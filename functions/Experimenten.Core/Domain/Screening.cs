namespace Experimenten.Domain;

/// <summary>The automatic eligibility rules of design §3. Pure: the orchestrator runs it on its input's facts.</summary>
public static class Screening
{
    public static IReadOnlyList<ScreeningFailure> Evaluate(Orchestrations.ApplicationFacts form, Call call, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(call);
        var failures = new List<ScreeningFailure>();
        if (!call.IsOpenAt(submittedAt))
        {
            failures.Add(new ScreeningFailure(ScreeningRule.CallClosed, call.ClosesAt.ToString("O")));
        }

        if (form.BudgetRequested > call.MaxBudget)
        {
            failures.Add(new ScreeningFailure(ScreeningRule.BudgetAboveCap, call.MaxBudget.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!form.HasResidentContact)
        {
            failures.Add(new ScreeningFailure(ScreeningRule.NoResidentContact, null));
        }

        if (!form.HasWelfareOrganisation)
        {
            failures.Add(new ScreeningFailure(ScreeningRule.NoWelfareOrganisation, null));
        }

        if (!form.HasPlan)
        {
            failures.Add(new ScreeningFailure(ScreeningRule.NoPlan, null));
        }

        return failures;
    }
}

public enum ScreeningRule
{
    CallClosed,
    BudgetAboveCap,
    NoResidentContact,
    NoWelfareOrganisation,
    NoPlan,
}

/// <summary>One failed rule, with the value the applicant needs to understand it (deadline, cap).</summary>
public sealed record ScreeningFailure(ScreeningRule Rule, string? Detail);
