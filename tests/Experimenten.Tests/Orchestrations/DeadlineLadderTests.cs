using Experimenten.Orchestrations;

// Not Experimenten.Tests.Orchestrations: that would hide Experimenten.Orchestrations from the tests that name it relatively.
namespace Experimenten.Tests.Workflows;

/// <summary>The one deadline ladder the review round, the report cycle and the revision wait walk.</summary>
public sealed class DeadlineLadderTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Due = Start.AddDays(10);
    static readonly LadderSpacing Full = new(TimeSpan.FromDays(2), TimeSpan.FromDays(1), TimeSpan.FromDays(3));

    [Theory]
    [InlineData(Rung.Before, -2)]
    [InlineData(Rung.Due, 0)]
    [InlineData(Rung.Overdue, 1)]
    [InlineData(Rung.Escalate, 3)]
    public void Each_rung_stands_at_its_distance_from_the_deadline(Rung rung, int days) =>
        Assert.Equal(Due.AddDays(days), new DeadlineLadder(Due, Full).At(rung));

    [Fact]
    public void The_rungs_come_in_order_and_each_once()
    {
        var ladder = new DeadlineLadder(Due, Full);
        var seen = new List<(Rung, DateTimeOffset)>();
        while (ladder.WakeAt is { } wake)
        {
            seen.Add((ladder.Advance(), wake));
        }

        Assert.Equal([(Rung.Before, Due.AddDays(-2)), (Rung.Due, Due), (Rung.Overdue, Due.AddDays(1)), (Rung.Escalate, Due.AddDays(3))], seen);
        Assert.Null(ladder.Next);
        Assert.Throws<InvalidOperationException>(() => ladder.Advance());
    }

    [Fact]
    public void Without_overdue_and_escalation_the_deadline_is_the_last_rung()
    {
        var ladder = new DeadlineLadder(Due, new LadderSpacing(TimeSpan.FromDays(2)));
        Assert.Equal(Rung.Before, ladder.Advance());
        Assert.Equal(Rung.Due, ladder.Advance());
        Assert.Null(ladder.WakeAt);
    }

    [Fact]
    public void Without_a_start_moment_every_rung_is_still_ahead_even_one_already_past()
    {
        // The review round and the report cycle send a reminder whose moment has passed at once (behaviour kept).
        var ladder = new DeadlineLadder(Start.AddDays(1), Full);
        Assert.Equal(Rung.Before, ladder.Next);
    }

    [Theory]
    [InlineData(-3, null)]
    [InlineData(-2, Rung.Before)]
    [InlineData(0, Rung.Due)]
    [InlineData(2, Rung.Overdue)]
    [InlineData(5, Rung.Escalate)]
    public void With_a_start_moment_rungs_already_past_count_as_passed(int daysFromDue, Rung? passed) =>
        Assert.Equal(passed, new DeadlineLadder(Due, Full, Due.AddDays(daysFromDue)).Passed);

    [Theory]
    // Moved far out: every rung is ahead again, the reminder too.
    [InlineData(20, null, Rung.Before)]
    // Moved so the reminder's moment is already past: the reminder is not sent again, the deadline is next.
    [InlineData(1, Rung.Before, Rung.Due)]
    // Moved to a moment already past: only what is still ahead (escalation) is left.
    [InlineData(-2, Rung.Overdue, Rung.Escalate)]
    public void Extending_recomputes_the_rungs_passed(int newDueDaysFromNow, Rung? passed, Rung? next)
    {
        var ladder = new DeadlineLadder(Due, Full);
        ladder.Advance();
        ladder.Advance();
        var now = Due.AddHours(1);

        ladder.Extend(now.AddDays(newDueDaysFromNow), now);

        Assert.Equal(passed, ladder.Passed);
        Assert.Equal(next, ladder.Next);
    }

    [Fact]
    public void Each_extension_gets_its_own_variant_so_its_reminders_go_out_once_each()
    {
        var ladder = new DeadlineLadder(Due, Full);
        Assert.Equal("v0", ladder.Variant);
        ladder.Extend(Due.AddDays(5), Start);
        ladder.Extend(Due.AddDays(6), Start);
        Assert.Equal(2, ladder.Version);
        Assert.Equal("v2", ladder.Variant);
        Assert.Equal(Due.AddDays(6), ladder.Due);
    }

    [Fact]
    public void Walking_a_ladder_with_extensions_sends_no_rung_twice_per_version()
    {
        var ladder = new DeadlineLadder(Due, Full);
        var sent = new List<string>();
        sent.Add($"{ladder.Advance()}:{ladder.Variant}");
        ladder.Extend(Due.AddDays(1), Due.AddDays(-1).AddHours(1));
        while (ladder.WakeAt is not null)
        {
            sent.Add($"{ladder.Advance()}:{ladder.Variant}");
        }

        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(["Before:v0", "Due:v1", "Overdue:v1", "Escalate:v1"], sent);
    }
}
