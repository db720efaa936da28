using Experimenten.Domain;

namespace Experimenten.Calls;

/// <summary>One date the settings give an application: what happens (a resource key of CallText) and when.</summary>
/// <param name="Number">The report's number, or 0.</param>
public sealed record ScheduleLine(string What, DateTimeOffset At, int Number = 0);

/// <summary>
/// What a call's settings mean for one application, before they are saved: the dates its reminders, deadlines and
/// reports fall on when it is sent at <c>submittedAt</c> and everybody takes the whole time they are given (the
/// latest each date can be). It follows the lifecycle's own arithmetic: the review ladder from the invitation, reports
/// one interval apart from the approval, the final one an interval after the last progress report, erasure a
/// retention period after the end.
/// </summary>
public static class CallSchedule
{
    public static IReadOnlyList<ScheduleLine> For(Call call, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(call);
        var lines = new List<ScheduleLine> { new("Schedule.Submitted", submittedAt) };
        var review = call.Review;
        var reviewDue = submittedAt + review.Period;
        Ladder(lines, "Schedule.Review", reviewDue, review.ReminderBefore, review.OverdueAfter, review.EscalateAfter, 0);
        lines.Add(new("Schedule.RevisionDue", reviewDue + call.Revision.Period));

        var monitoring = call.Monitoring;
        var reports = monitoring.ProgressReports + 1;
        for (var n = 1; n <= reports; n++)
        {
            Ladder(lines, n == reports ? "Schedule.FinalReport" : "Schedule.Report", reviewDue + (monitoring.Interval * n),
                monitoring.ReminderBefore, monitoring.OverdueAfter, monitoring.EscalateAfter, n);
        }

        var keeps = call.Keeps;
        lines.Add(new("Schedule.ErasedRejected", keeps.AfterClosed.AddTo(reviewDue)));
        lines.Add(new("Schedule.ErasedCompleted", keeps.AfterCompleted.AddTo(reviewDue + (monitoring.Interval * reports))));
        return [.. lines.OrderBy(l => l.At)];
    }

    static void Ladder(List<ScheduleLine> lines, string what, DateTimeOffset due, TimeSpan before, TimeSpan overdue, TimeSpan escalate, int number)
    {
        if (before > TimeSpan.Zero)
        {
            lines.Add(new(what + ".Reminder", due - before, number));
        }

        lines.Add(new(what + ".Due", due, number));
        if (overdue > TimeSpan.Zero)
        {
            lines.Add(new(what + ".Overdue", due + overdue, number));
        }

        lines.Add(new(what + ".Escalation", due + escalate, number));
    }
}
