using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <param name="Text">A reference to the typed report the edge stored (<see cref="TextStore"/>).</param>
/// <param name="Comment">A reference to the coordinator's comment.</param>
public sealed record ReportUpdate(string ApplicationId, int Number, bool Final, DateTimeOffset Due, ReportStatus Status, string? Blob, string? Text, string? Comment, DateTimeOffset At);

/// <summary>Keeps the report table (due, submitted, accepted, changes asked) in step with the report cycle.</summary>
public sealed class RecordReport(ReportStore reports, TextStore texts) : TracedActivity<ReportUpdate, bool>
{
    protected override string ApplicationId(ReportUpdate input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ReportUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Status == ReportStatus.Due)
        {
            await reports.ScheduleAsync(input.ApplicationId, input.Number, input.Final, input.Due, CancellationToken.None);
        }
        else
        {
            var text = await texts.ResolveAsync(input.ApplicationId, input.Text, CancellationToken.None);
            var comment = await texts.ResolveAsync(input.ApplicationId, input.Comment, CancellationToken.None);
            await reports.SetStatusAsync(input.ApplicationId, input.Number, input.Status, input.Blob, text, comment, input.At, CancellationToken.None);
        }

        return true;
    }
}
