using Experimenten.Domain;
using Experimenten.Orchestrations;

namespace Experimenten.Tests.Unit;

public sealed class ScreeningTests
{
    static readonly CatalogSnapshot Catalog = Experimenten.Calls.SeedImport.Read(Path.Combine(Repo.Root, "seeds"));

    static ApplicationFacts Facts(long budget = 5000, string? plan = "Ons plan", string welfare = "Welzijn Oost", string residentName = "Anna") =>
        ApplicationFacts.Of(Form(budget, plan, welfare, residentName));

    static ApplicationForm Form(long budget = 5000, string? plan = "Ons plan", string welfare = "Welzijn Oost", string residentName = "Anna") => new(
        "demo", "Titel", "Samenvatting", "Initiatief", new Contact(residentName, "anna@example.org"), welfare,
        new Contact("Bram", "bram@example.org"), "Utrecht", budget, plan, null, "nl");

    [Fact]
    public void An_application_that_meets_every_rule_passes() =>
        Assert.Empty(Screening.Evaluate(Facts(), Catalog.Find("demo")!, DateTimeOffset.UtcNow));

    [Fact]
    public void The_cap_itself_is_allowed_and_a_euro_more_is_not()
    {
        var demo = Catalog.Find("demo")!;
        Assert.Empty(Screening.Evaluate(Facts(budget: demo.MaxBudget), demo, DateTimeOffset.UtcNow));
        var failure = Assert.Single(Screening.Evaluate(Facts(budget: demo.MaxBudget + 1), demo, DateTimeOffset.UtcNow));
        Assert.Equal(ScreeningRule.BudgetAboveCap, failure.Rule);
        Assert.Equal("15000", failure.Detail);
    }

    [Fact]
    public void The_2021_call_closed_at_midnight_on_15_september_amsterdam_time()
    {
        var call = Catalog.Find("samenwerken-2021")!;
        var lastMinute = new DateTimeOffset(2021, 9, 15, 23, 59, 0, TimeSpan.FromHours(2));
        Assert.Empty(Screening.Evaluate(Facts(), call, lastMinute));
        var failure = Assert.Single(Screening.Evaluate(Facts(), call, lastMinute.AddMinutes(1)));
        Assert.Equal(ScreeningRule.CallClosed, failure.Rule);
    }

    [Fact]
    public void Every_failed_rule_is_named()
    {
        var failures = Screening.Evaluate(Facts(budget: 99999, plan: null, welfare: " ", residentName: ""), Catalog.Find("demo")!, DateTimeOffset.UtcNow);
        Assert.Equal(
            [ScreeningRule.BudgetAboveCap, ScreeningRule.NoResidentContact, ScreeningRule.NoWelfareOrganisation, ScreeningRule.NoPlan],
            failures.Select(f => f.Rule));
    }

    [Fact]
    public void The_seeds_hold_the_three_calls_with_durations_from_iso_8601()
    {
        Assert.Equal(["samenwerken-2021", "samenwerken-2026", "demo"], Catalog.Calls.Select(c => c.Id));
        var demo = Catalog.Find("demo")!;
        Assert.Equal(TimeSpan.FromMinutes(2), demo.Review.Period);
        Assert.Equal(TimeSpan.FromSeconds(30), demo.Review.ReminderBefore);
        Assert.Contains(Catalog.Panel.Reviewers, r => r.HasConflictWith("welzijn de brug"));
    }
}
