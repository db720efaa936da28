using Experimenten.Orchestrations;

namespace Experimenten.Tests.Workflow;

/// <summary>The one reminder ladder: which rung comes when, and what a moved deadline does to rungs already sent.</summary>
public sealed class DeadlineLadderTests
{
    static readonly DateTimeOffset Due = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly LadderShape Full = new(TimeSpan.FromDays(2), TimeSpan.FromDays(1), TimeSpan.FromDays(3));

    [Fact]
    public void Climbs_before_due_overdue_and_escalate_at_their_moments_then_stops()
    {
        var ladder = DeadlineLadder.Start(Full, Due);
        var climbed = new List<(Rung, DateTimeOffset)>();
        while (ladder.WakeAt is { } at)
        {
            climbed.Add((ladder.Advance(), at));
        }

        Assert.Equal(
            [(Rung.Before, Due.AddDays(-2)), (Rung.Due, Due), (Rung.Overdue, Due.AddDays(1)), (Rung.Escalate, Due.AddDays(3))],
            climbed);
        Assert.Null(ladder.Next);
        Assert.Throws<InvalidOperationException>(() => ladder.Advance());
    }

    [Fact]
    public void A_two_rung_shape_reminds_then_reaches_the_deadline()
    {
        var ladder = DeadlineLadder.Start(new LadderShape(TimeSpan.FromHours(6)), Due);
        Assert.Equal(Due.AddHours(-6), ladder.WakeAt);
        Assert.Equal(Rung.Before, ladder.Advance());
        Assert.Equal(Due, ladder.WakeAt);
        Assert.Equal(Rung.Due, ladder.Advance());
        Assert.Null(ladder.WakeAt);
    }

    public static TheoryData<int, Rung?, Rung?> Extensions => new()
    {
        // hours from the new deadline back to "now" when it moves → the last rung counted as sent → the next one
        { 72, null, Rung.Before },
        { 47, Rung.Before, Rung.Due },
        { 0, Rung.Due, Rung.Overdue },
        { -30, Rung.Overdue, Rung.Escalate },
        { -100, Rung.Escalate, null },
    };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void A_moved_deadline_counts_rungs_already_behind_now_as_sent(int hoursBeforeNewDue, Rung? passed, Rung? next)
    {
        var ladder = DeadlineLadder.Start(Full, Due);
        ladder.Advance();
        var moved = Due.AddDays(10);

        ladder.Extend(moved, moved.AddHours(-hoursBeforeNewDue));

        Assert.Equal(moved, ladder.Due);
        Assert.Equal(passed, ladder.Passed);
        Assert.Equal(next, ladder.Next);
        Assert.Equal("v1", ladder.Variant);
    }

    [Fact]
    public void Moving_the_deadline_later_sends_the_reminders_again_under_a_new_variant()
    {
        var ladder = DeadlineLadder.Start(Full, Due);
        ladder.Advance();
        ladder.Advance();
        Assert.Equal("v0", ladder.Variant);

        ladder.Extend(Due.AddDays(7), Due);

        Assert.Null(ladder.Passed);
        Assert.Equal(Rung.Before, ladder.Next);
        Assert.Equal("v1", ladder.Variant);
    }

    [Fact]
    public void Starting_late_skips_what_is_already_past_and_never_sends_it()
    {
        var ladder = DeadlineLadder.StartAt(new LadderShape(TimeSpan.FromDays(2)), Due, Due.AddDays(-1));
        Assert.Equal(Rung.Before, ladder.Passed);
        Assert.Equal(Due, ladder.WakeAt);

        var fromScratch = DeadlineLadder.Start(new LadderShape(TimeSpan.FromDays(2)), Due);
        Assert.Equal(Rung.Before, fromScratch.Next);
    }
}
