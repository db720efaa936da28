using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>One step of an orchestration: what changed, and the emails that go with it.</summary>
/// <param name="Progress">The new stage and its timeline line; null when the stage stays (a report's reminder, a note).</param>
/// <param name="Reviewers">A round's reviewers, recorded first so an instant click on an invitation finds them.</param>
/// <param name="Report">A report's new state (orchestration version 1.2 and later).</param>
/// <param name="Note">A timeline line without a change of stage (orchestration version 1.2 and later).</param>
public sealed record StepUpdate(ProgressUpdate? Progress, IReadOnlyList<EmailOrder> Emails, ReviewersInvited? Reviewers = null, ReportUpdate? Report = null, Note? Note = null)
{
    public string ApplicationId => Progress?.ApplicationId ?? Report?.ApplicationId ?? Note?.ApplicationId ?? (Emails.Count > 0 ? Emails[0].ApplicationId : "");
}

/// <summary>
/// Reviewers and the report (if any), then the read model and the timeline, then the emails — in that order,
/// so every link in an email already works when it arrives. One activity instead of up to five: each activity
/// costs the durable backend about a dozen storage requests and a turn of the orchestration, and a step's parts
/// always go together. Every part is idempotent, so a retry after a failed email rewrites the same rows and
/// sends only what is missing.
/// </summary>
public sealed class Advance(RecordReviewers reviewers, RecordReport report, RecordProgress progress, RecordNote note, SendEmail email) : TracedActivity<StepUpdate, bool>
{
    protected override string ApplicationId(StepUpdate input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, StepUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Reviewers is { } invited)
        {
            await reviewers.RunAsync(context, invited);
        }

        if (input.Report is { } changed)
        {
            await report.RunAsync(context, changed);
        }

        if (input.Progress is { } update)
        {
            await progress.RunAsync(context, update);
        }

        if (input.Note is { } line)
        {
            await note.RunAsync(context, line);
        }

        if (input.Emails.Count > 0)
        {
            await email.RunAsync(context, new EmailBatch(input.Emails));
        }

        return true;
    }
}
