using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>One step of an orchestration: what changed, and the emails that go with it.</summary>
/// <param name="Reviewers">A round's reviewers, recorded first so an instant click on an invitation finds them.</param>
public sealed record StepUpdate(ProgressUpdate Progress, IReadOnlyList<EmailOrder> Emails, ReviewersInvited? Reviewers = null);

/// <summary>
/// Reviewers (if any), then the read model, then the emails — in that order, so every link in an email
/// already works when it arrives. One activity instead of three: each activity costs the durable
/// backend about a dozen storage requests, and a step's parts always go together. Every part is
/// idempotent, so a retry after a failed email rewrites the same rows and sends only what is missing.
/// </summary>
public sealed class Advance(RecordReviewers reviewers, RecordProgress progress, SendEmail email) : TracedActivity<StepUpdate, bool>
{
    protected override string ApplicationId(StepUpdate input) => input.Progress.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, StepUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Reviewers is { } invited)
        {
            await reviewers.RunAsync(context, invited);
        }

        await progress.RunAsync(context, input.Progress);
        if (input.Emails.Count > 0)
        {
            await email.RunAsync(context, new EmailBatch(input.Emails));
        }

        return true;
    }
}
