using Experimenten.Email;
using Experimenten.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Experimenten.Tests.Workflow;

/// <summary>One report's cycle on the in-memory backend, with durations of a second or so.</summary>
[Collection(OrchestrationCollection.Name)]
public sealed class ReportCycleTests
{
    static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    static ReportCycleInput Input(TimeSpan dueIn, TimeSpan before, TimeSpan overdue, TimeSpan escalate) =>
        new("app-1", 1, Final: false, DateTimeOffset.UtcNow + dueIn, Inputs.Monitoring(before, overdue, escalate));

    [Fact]
    public async Task Applicants_are_reminded_at_each_rung_then_the_coordinator_is_told()
    {
        await using var host = await OrchestrationHost.StartAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReportCycle),
            Input(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));

        await host.EmailsAsync(EmailKind.ReportEscalation, 1, Within);
        await host.Client.RaiseEventAsync(id, Events.Close, new CloseRequested("test"));
        await host.FinishedAsync(id, Within);

        Assert.Equal([EmailKind.ReportDueSoon, EmailKind.ReportDueToday, EmailKind.ReportOverdue, EmailKind.ReportEscalation], host.Recorded.Emails.Select(e => e.Kind).Distinct());
        Assert.Equal(2, host.Recorded.Emails.Count(e => e.Kind == EmailKind.ReportDueSoon));
        Assert.Contains(host.Recorded.Lines, l => l.Text == "Verslag 1 gevraagd");
    }

    [Fact]
    public async Task Once_the_report_is_in_nobody_is_reminded_and_an_accepted_report_ends_the_cycle()
    {
        await using var host = await OrchestrationHost.StartAsync();
        // The first reminder is due at once, the deadline three seconds on: room for the report to arrive first on a busy machine.
        var input = Input(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReportCycle), input);
        await host.EmailsAsync(EmailKind.ReportDueSoon, 2, Within);

        await host.Client.RaiseEventAsync(id, Events.ReportSubmitted, new ReportSubmitted(1, null, "Het gaat goed", DateTimeOffset.UtcNow));
        await host.EmailsAsync(EmailKind.ReportToAssess, 1, Within);

        // Past the deadline and the overdue rung: had the ladder kept running, they would have gone out by now.
        var pastOverdue = input.Due + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        await Task.Delay(pastOverdue > TimeSpan.Zero ? pastOverdue : TimeSpan.Zero);
        await host.Client.RaiseEventAsync(id, Events.ReportReviewed, new ReportReviewed(1, true, "", DateTimeOffset.UtcNow));
        var done = await host.FinishedAsync(id, Within);

        Assert.True(done.ReadOutputAs<ReportOutcome>()!.Accepted);
        Assert.DoesNotContain(host.Recorded.Emails, e => e.Kind is EmailKind.ReportDueToday or EmailKind.ReportOverdue or EmailKind.ReportEscalation);
        Assert.Contains(host.Recorded.Lines, l => l.Kind == "ReportAccepted" && l.Text == "Verslag 1 goedgekeurd");
    }
}
