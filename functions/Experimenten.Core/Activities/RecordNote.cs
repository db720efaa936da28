using Experimenten.Storage;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <param name="ActorKey">A TimelineText key for who acted, with <paramref name="ActorArgs"/> (references allowed), when a plain actor is not enough.</param>
public sealed record Note(string ApplicationId, TimelineEntry Entry, string? ActorKey = null, IReadOnlyList<string>? ActorArgs = null);

/// <summary>Adds one line to an application's timeline, with the words and names its references stand for.</summary>
public sealed class RecordNote(ReadModel readModel, TimelineReferences references) : TracedActivity<Note, bool>
{
    protected override string ApplicationId(Note input) => input.ApplicationId;

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, Note input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entry = await references.ResolveAsync(input.ApplicationId, input.Entry, input.ActorKey, input.ActorArgs, CancellationToken.None);
        await readModel.AppendAsync(input.ApplicationId, entry, CancellationToken.None);
        return true;
    }
}
