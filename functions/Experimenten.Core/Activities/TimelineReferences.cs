using Experimenten.Domain;
using Experimenten.Storage;
using Experimenten.Text;

namespace Experimenten.Activities;

/// <summary>
/// An orchestrator writes a timeline line with references where a person's words or name go
/// (<see cref="TextStore.Ref"/>, <c>reviewer:{id}</c>); the activity that stores the line puts them in.
/// So the line in the read model reads as before, and durable history holds only the references.
/// </summary>
public sealed class TimelineReferences(TextStore texts, CallCatalog catalog)
{
    const string ReviewerPrefix = "reviewer:";

    public async Task<TimelineEntry> ResolveAsync(string applicationId, TimelineEntry entry, string? actorKey = null, IReadOnlyList<string>? actorArgs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var actor = actorKey is not null
            ? TimelineLines.Dutch(actorKey, [.. await ValuesAsync(applicationId, actorArgs ?? [], cancellationToken)])
            : entry.Actor is { } a ? await ValueAsync(applicationId, a, cancellationToken) : null;
        if (entry.Key is not { } key || entry.Args is not { Count: > 0 } args || !args.Any(IsReference))
        {
            return entry with { Actor = actor };
        }

        var values = await ValuesAsync(applicationId, args, cancellationToken);
        return TimelineLines.Entry(entry.At, entry.Kind, key, [.. values]) with { Id = entry.Id, Actor = actor };
    }

    static bool IsReference(string value) =>
        value.StartsWith(TextStore.RefPrefix, StringComparison.Ordinal) || value.StartsWith(ReviewerPrefix, StringComparison.Ordinal);

    async Task<List<string>> ValuesAsync(string applicationId, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var values = new List<string>(args.Count);
        foreach (var arg in args)
        {
            values.Add(await ValueAsync(applicationId, arg, cancellationToken));
        }

        return values;
    }

    async Task<string> ValueAsync(string applicationId, string value, CancellationToken cancellationToken)
    {
        if (value.StartsWith(ReviewerPrefix, StringComparison.Ordinal))
        {
            var id = value[ReviewerPrefix.Length..];
            return (await catalog.GetAsync(cancellationToken)).Panel.Find(id)?.Name ?? id;
        }

        return await texts.ResolveAsync(applicationId, value, cancellationToken) ?? "";
    }
}
