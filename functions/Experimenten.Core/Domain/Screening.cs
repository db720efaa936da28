namespace Experimenten.Domain;

/// <summary>The automatic eligibility rules of design §3. Pure: the orchestrator runs it on its input.</summary>
public static class Screening
{
    public static IReadOnlyList<ScreeningFailure> Evaluate(ApplicationForm form, Call call, DateTimeOffset submittedAt)
    {
        var failures = new List<ScreeningFailure>();
        if (!call.IsOpenAt(submittedAt))
        {
            failures.Add(new ScreeningFailure(ScreeningRule.CallClosed, call.ClosesAt.ToString("O")));
        }

        if (form.BudgetRequested > call.MaxBudget)
        {
            failures.Add(new ScreeningFailure(ScreeningRule.BudgetAboveCap, call.MaxBudget.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (string.IsNullOrWhiteSpace(form.ResidentContact.Name) || string.IsNullOrWhiteSpace(form.ResidentContact.Email))
        {
            failures.Add(new ScreeningFailure(ScreeningRule.NoResidentContact, null));
        }

        if (string.IsNullOrWhiteSpace(form.WelfareOrganisation))
        {
            failures.Add(new ScreeningFailure(ScreeningRule.NoWelfareOrganisation, null));
        }

        if (string.IsNullOrWhiteSpace(form.PlanText) && string.IsNullOrWhiteSpace(form.PlanBlob))
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
