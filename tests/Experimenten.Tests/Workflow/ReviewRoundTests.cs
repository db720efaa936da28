using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Experimenten.Tests.Workflow;

/// <summary>The review round on the in-memory backend, with durations of a second or so.</summary>
[Collection(OrchestrationCollection.Name)]
public sealed class ReviewRoundTests
{
    static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    static ReviewRoundInput Input(ReviewSettings rules, int panel = 2) => new("app-1", 1, Inputs.Panel(panel), rules);

    [Fact]
    public async Task Reminders_go_out_at_each_rung_in_order_then_the_coordinator_hears_of_it()
    {
        await using var host = await OrchestrationHost.StartAsync(r => r.AddOrchestrator<ReviewRound>());
        var rules = Inputs.Review(TimeSpan.FromSeconds(1.5), before: TimeSpan.FromSeconds(1), overdue: TimeSpan.FromSeconds(0.5), escalate: TimeSpan.FromSeconds(1));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReviewRound), Input(rules));

        await host.EmailsAsync(EmailKind.ReviewEscalation, 1, Within);
        await host.Client.RaiseEventAsync(id, Events.Close, new CloseRequested("test"));
        var done = await host.FinishedAsync(id, Within);

        Assert.Equal(RoundResult.Closed, done.ReadOutputAs<RoundOutcome>()!.Result);
        var kinds = host.Recorded.Emails.Select(e => e.Kind).Distinct().ToList();
        Assert.Equal([EmailKind.ReviewInvitation, EmailKind.ReviewReminderSoon, EmailKind.ReviewReminderDue, EmailKind.ReviewOverdue, EmailKind.ReviewEscalation], kinds);
        Assert.All(host.Recorded.Emails.Where(e => e.Kind != EmailKind.ReviewInvitation), e => Assert.Equal("v0", e.Variant));
        Assert.Equal(2, host.Recorded.Emails.Count(e => e.Kind == EmailKind.ReviewOverdue));
        Assert.Contains(host.Recorded.Lines, l => l.Text == "Ronde 1: 2 beoordelaars uitgenodigd" && l.Key == "Review.Invited");
        Assert.Contains(host.Recorded.Lines, l => l.Kind == "Escalation" && l.Text == "Ronde 1: escalatie naar het fondsbureau");
    }

    [Fact]
    public async Task A_round_with_nobody_to_ask_is_never_approved_by_itself_and_the_fund_office_hears_of_it_at_once()
    {
        await using var host = await OrchestrationHost.StartAsync(r => r.AddOrchestrator<ReviewRound>());
        var rules = Inputs.Review(TimeSpan.FromSeconds(1), before: TimeSpan.Zero, overdue: TimeSpan.FromSeconds(0.5), escalate: TimeSpan.FromSeconds(1)) with { Completion = ReviewCompletion.Timeout };
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReviewRound), Input(rules, panel: 0));

        await host.EmailsAsync(EmailKind.ReviewEscalation, 1, Within);
        Assert.Contains(host.Recorded.Lines, l => l.Key == "Review.NobodyToAsk");

        // Past its due time (the ladder's own escalation comes after it) it still waits, timeout rule and all: zero approvals of zero is no approval.
        await host.EmailsAsync(EmailKind.ReviewEscalation, 2, Within);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.Client.RaiseEventAsync(id, Events.Close, new CloseRequested("test"));
        Assert.Equal(RoundResult.Closed, (await host.FinishedAsync(id, Within)).ReadOutputAs<RoundOutcome>()!.Result);
    }

    [Fact]
    public async Task Enough_approvals_approve_and_each_decision_is_on_the_timeline_with_its_reviewer()
    {
        await using var host = await OrchestrationHost.StartAsync(r => r.AddOrchestrator<ReviewRound>());
        var rules = Inputs.Review(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReviewRound), Input(rules));
        await host.EmailsAsync(EmailKind.ReviewInvitation, 2, Within);

        await host.Client.RaiseEventAsync(id, Events.ReviewDecision, new ReviewDecisionReceived("r1", Decision.Approve, DateTimeOffset.UtcNow));
        await host.Client.RaiseEventAsync(id, Events.ReviewDecision, new ReviewDecisionReceived("r2", Decision.Approve, DateTimeOffset.UtcNow));
        var done = await host.FinishedAsync(id, Within);

        Assert.Equal(RoundResult.Approved, done.ReadOutputAs<RoundOutcome>()!.Result);
        var decided = host.Recorded.Lines.Where(l => l.Kind == "Decision").ToList();
        // By reference: the activity that stores the line puts the reviewer's name in (no names in durable history).
        Assert.Equal(["reviewer:r1", "reviewer:r2"], decided.Select(l => l.Actor).Order());
        Assert.All(decided, l => Assert.Equal("Ronde 1: een beoordelaar koos \"goedkeuren\"", l.Text));
    }

    [Fact]
    public async Task A_moved_deadline_skips_the_rungs_already_past_and_sends_the_rest_once_under_a_new_variant()
    {
        await using var host = await OrchestrationHost.StartAsync(r => r.AddOrchestrator<ReviewRound>());
        var rules = Inputs.Review(TimeSpan.FromHours(1), before: TimeSpan.FromSeconds(5), overdue: TimeSpan.FromSeconds(0.5), escalate: TimeSpan.FromSeconds(1), perRound: 1, approvals: 1);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReviewRound), Input(rules, panel: 1));
        await host.EmailsAsync(EmailKind.ReviewInvitation, 1, Within);

        // The new deadline is 1 s away: the reminder 5 s before it is already past and is not sent.
        await host.Client.RaiseEventAsync(id, Events.DeadlineExtended, new DeadlineExtended(DateTimeOffset.UtcNow.AddSeconds(1), "ziek", DateTimeOffset.UtcNow));
        await host.EmailsAsync(EmailKind.ReviewEscalation, 1, Within);
        await host.Client.RaiseEventAsync(id, Events.Close, new CloseRequested("test"));
        await host.FinishedAsync(id, Within);

        Assert.DoesNotContain(host.Recorded.Emails, e => e.Kind == EmailKind.ReviewReminderSoon);
        Assert.All(host.Recorded.Emails.Where(e => e.Kind != EmailKind.ReviewInvitation), e => Assert.Equal("v1", e.Variant));
        Assert.All(host.Recorded.Sends, s => Assert.Equal(1, s.Value));
        Assert.Contains(host.Recorded.Lines, l => l.Key == "Review.DeadlineMoved" && l.Text.EndsWith("(ziek)", StringComparison.Ordinal));
    }
}
