using System.Diagnostics.Metrics;
using Experimenten.Email;

namespace Experimenten.Telemetry;

/// <summary>
/// What a fund wants to count. Recorded in activities and request handlers, never in orchestrator code
/// (a replay would count again). An activity retried after a partial failure may count an email twice.
/// </summary>
public static class Counters
{
    static readonly Counter<long> Submissions = ExperimentenTelemetry.Meter.CreateCounter<long>(
        "experimenten.submissions.accepted", "{application}", "Applications accepted (a repeated submission counts once).");

    static readonly Counter<long> Sent = ExperimentenTelemetry.Meter.CreateCounter<long>(
        "experimenten.emails.sent", "{email}", "Emails handed to the transport, by kind.");

    static readonly Counter<long> Failed = ExperimentenTelemetry.Meter.CreateCounter<long>(
        "experimenten.emails.failed", "{email}", "Emails the transport refused (the activity retries), by kind.");

    static readonly Counter<long> Reminders = ExperimentenTelemetry.Meter.CreateCounter<long>(
        "experimenten.reminders.sent", "{email}", "Reminder emails about a deadline, by kind.");

    static readonly Counter<long> Escalations = ExperimentenTelemetry.Meter.CreateCounter<long>(
        "experimenten.escalations", "{email}", "Deadlines escalated to the coordinator, by kind.");

    public static void SubmissionAccepted() => Submissions.Add(1);

    public static void EmailSent(EmailKind kind)
    {
        var tag = KeyValuePair.Create<string, object?>(ExperimentenTelemetry.KindTag, kind.ToString());
        Sent.Add(1, tag);
        if (IsReminder(kind))
        {
            Reminders.Add(1, tag);
        }
        else if (kind is EmailKind.ReviewEscalation or EmailKind.ReportEscalation)
        {
            Escalations.Add(1, tag);
        }
    }

    public static void EmailFailed(EmailKind kind) =>
        Failed.Add(1, KeyValuePair.Create<string, object?>(ExperimentenTelemetry.KindTag, kind.ToString()));

    /// <summary>The rungs of the reminder ladder before escalation (see <see cref="Orchestrations.Ladder"/>).</summary>
    public static bool IsReminder(EmailKind kind) => kind is EmailKind.RevisionReminder
        or EmailKind.ReviewReminderSoon or EmailKind.ReviewReminderDue or EmailKind.ReviewOverdue
        or EmailKind.ReportDueSoon or EmailKind.ReportDueToday or EmailKind.ReportOverdue;
}
