using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>Keeps the read model (stage, waiting-on, next deadline, timeline) in step with the orchestration.</summary>
public sealed class RecordProgress(ReadModel readModel) : TracedActivity<ProgressUpdate, bool>
{
    protected override string ApplicationId(ProgressUpdate input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, ProgressUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModel.ApplyAsync(input, CancellationToken.None);
        return true;
    }
}
