using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

public sealed record Note(string ApplicationId, TimelineEntry Entry);

/// <summary>Adds one line to an application's timeline.</summary>
public sealed class RecordNote(ReadModel readModel) : TracedActivity<Note, bool>
{
    protected override string ApplicationId(Note input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, Note input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModel.AppendAsync(input.ApplicationId, input.Entry, CancellationToken.None);
        return true;
    }
}
