using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Experimenten.Tests.Workflow;

/// <summary>
/// The lifecycle's wait for a revised plan, on the in-memory backend: a stand-in review round asks for changes,
/// so the lifecycle goes straight to the wait; durations of a second or so.
/// </summary>
[Collection(OrchestrationCollection.Name)]
public sealed class RevisionWaitTests
{
    static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    static Task<OrchestrationHost> StartAsync() => OrchestrationHost.StartAsync(r =>
    {
        r.AddOrchestrator<ApplicationLifecycle>();
        r.AddOrchestratorFunc<ReviewRoundInput, RoundOutcome>(nameof(ReviewRound), (_, _) => new RoundOutcome(RoundResult.ChangesRequested, []));
    });

    static LifecycleInput Input(TimeSpan revisionPeriod, TimeSpan reminderBefore)
    {
        var now = DateTimeOffset.UtcNow;
        var call = new Call("call", new("Oproep", "Call"), new("", ""), "Fonds", [], now.AddDays(-1), now.AddDays(1), 10_000,
            Inputs.Review(TimeSpan.FromHours(1), reminderBefore, TimeSpan.FromHours(1), TimeSpan.FromHours(2)),
            new RevisionSettings(revisionPeriod, MaxRounds: 2),
            Inputs.Monitoring(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2)));
        var form = new ApplicationForm("call", "Buurtmoestuin", "Samen tuinieren", "De Groene Hoek", new("Anna", "anna@example.org"), "Welzijn Noord",
            new("Bram", "bram@example.org"), "Utrecht", 7500, "Het plan", null, "nl");
        return new LifecycleInput("app-1", call, now, ApplicationFacts.Of(form), []);
    }

    [Fact]
    public async Task The_applicants_are_reminded_once_then_the_application_lapses_at_the_deadline()
    {
        await using var host = await StartAsync();
        // The reminder half a second in, the deadline 2.5 s after it: a reminder woken only after the deadline is not sent, so the gap is wide.
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationLifecycle), Input(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2.5)));

        var done = await host.FinishedAsync(id, Within);

        Assert.Equal(Stage.Lapsed, done.ReadOutputAs<LifecycleOutcome>()!.Stage);
        var kinds = host.Recorded.Emails.Select(e => e.Kind).Distinct().ToList();
        Assert.Equal([EmailKind.Received, EmailKind.ChangesRequested, EmailKind.RevisionReminder, EmailKind.Lapsed], kinds);
        Assert.Equal(2, host.Recorded.Emails.Count(e => e.Kind == EmailKind.RevisionReminder));
        Assert.Contains(host.Recorded.Lines, l => l.Kind == "Lapsed" && l.Text.StartsWith("Vervallen: geen aangepast plan vóór ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deadline_moved_so_close_that_the_reminder_is_past_lapses_without_a_reminder()
    {
        await using var host = await StartAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationLifecycle), Input(TimeSpan.FromHours(1), TimeSpan.FromSeconds(5)));
        await host.EmailsAsync(EmailKind.ChangesRequested, 2, Within);

        await host.Client.RaiseEventAsync(id, Events.DeadlineExtended, new DeadlineExtended(DateTimeOffset.UtcNow.AddSeconds(0.5), "vakantie", DateTimeOffset.UtcNow));
        var done = await host.FinishedAsync(id, Within);

        Assert.Equal(Stage.Lapsed, done.ReadOutputAs<LifecycleOutcome>()!.Stage);
        Assert.DoesNotContain(host.Recorded.Emails, e => e.Kind == EmailKind.RevisionReminder);
        Assert.All(host.Recorded.Emails.Where(e => e.Kind == EmailKind.DeadlineMoved), e => Assert.Equal("v1", e.Variant));
        Assert.Contains(host.Recorded.Lines, l => l.Text == "Deadline voor het aangepaste plan verzet (vakantie)");
    }

    [Fact]
    public async Task A_revised_plan_in_time_goes_back_to_the_reviewers()
    {
        await using var host = await StartAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApplicationLifecycle), Input(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)));
        await host.EmailsAsync(EmailKind.ChangesRequested, 2, Within);

        await host.Client.RaiseEventAsync(id, Events.RevisionSubmitted, new RevisionSubmitted(2, null, "Beter plan", DateTimeOffset.UtcNow));
        await host.LinesAsync("InReview", 1, Within);

        // The stand-in round asks for changes again and the call allows two rounds: the second ends in rejection.
        var done = await host.FinishedAsync(id, Within);
        Assert.Equal(Stage.Rejected, done.ReadOutputAs<LifecycleOutcome>()!.Stage);
        Assert.Contains(host.Recorded.Lines, l => l.Text == "Aangepast plan (versie 2) ontvangen");
    }
}
