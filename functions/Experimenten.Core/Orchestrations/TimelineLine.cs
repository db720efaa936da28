using Experimenten.Storage;
using Experimenten.Text;

namespace Experimenten.Orchestrations;

/// <summary>
/// What an orchestrator writes on the timeline: a key in TimelineText and its arguments, never a sentence.
/// Each reader gets the line in their language (<see cref="TimelineLines"/>).
/// </summary>
public sealed record TimelineLine(string Key, params object[] Args)
{
    public TimelineEntry At(DateTimeOffset at, string kind) => TimelineLines.Entry(at, kind, Key, Args);
}
