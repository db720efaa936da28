using System.Text.Json.Serialization;

namespace Experimenten.Calls;

/// <summary>What a saved version of a call did. Only <see cref="Opened"/>, <see cref="Closed"/> and <see cref="DeadlineMoved"/> reach applications already in flight.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallChangeKind>))]
public enum CallChangeKind
{
    Imported,
    Created,
    Edited,
    Opened,
    Closed,
    DeadlineMoved,
}

/// <summary>One saved version of a call: who saved it, when, what kind of change it was, and the call as it was then.</summary>
public sealed record CallVersion(int Version, DateTimeOffset At, string By, CallChangeKind Kind, Domain.Call Call)
{
    /// <summary>Whether the change is meant for everyone: when the form takes applications. Every other setting applies to later applications only.</summary>
    public bool ForEveryone => Kind is CallChangeKind.Opened or CallChangeKind.Closed or CallChangeKind.DeadlineMoved;
}
