using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>Keeps the read model (stage, waiting-on, next deadline, timeline, current plan) in step with the orchestration.</summary>
public sealed class RecordProgress(ReadModel readModel, TimelineReferences references, TextStore texts) : TracedActivity<ProgressUpdate, bool>
{
    protected override string ApplicationId(ProgressUpdate input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ProgressUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var update = input;
        if (update.Timeline is { } line)
        {
            update = update with { Timeline = await references.ResolveAsync(update.ApplicationId, line, cancellationToken: CancellationToken.None) };
        }

        // A revised plan's typed text comes by reference (the edge stored it); the read model holds the text itself.
        if (update.Plan is { Text: { } text } plan)
        {
            update = update with { Plan = plan with { Text = await texts.ResolveAsync(update.ApplicationId, text, CancellationToken.None) } };
        }

        await readModel.ApplyAsync(update, CancellationToken.None);
        return true;
    }
}
