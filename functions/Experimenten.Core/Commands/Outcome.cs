namespace Experimenten.Commands;

/// <summary>Why a command did not happen; the edge turns each into its HTTP status and a page into its notice.</summary>
public enum RefusalKind
{
    /// <summary>The input is wrong: per-field errors say where (400, or the status the refusal names).</summary>
    Invalid,

    /// <summary>The application is not in a stage where this can happen (409).</summary>
    WrongStage,

    /// <summary>No such application, or the link does not (or no longer) open it (404).</summary>
    NotFound,

    /// <summary>The caller may not do this (403).</summary>
    Refused,
}

/// <summary>
/// A command that did not happen, in the reader's language: a stable <see cref="Code"/> for integrators
/// (<c>urn:experimenten:problem:{code}</c>), a title and detail for people, and per-field errors.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Title, string Detail)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>A status other than the kind's own (413 for a file too large, 415 for its type, 422 for a closed call).</summary>
    public int? Status { get; init; }

    /// <summary>Facts beside the words, for integrators (a closed call's deadline).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public string[]? ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : null;
}

/// <summary>What a command did: accepted with its result, or refused with why.</summary>
public sealed record Outcome<T>
{
    internal Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsAccepted => Refusal is null;

    /// <summary>A refusal converts on return: <c>return refusal;</c> in a command returning Outcome&lt;T&gt;.</summary>
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

public static class Outcome
{
    public static Outcome<T> Accepted<T>(T value) => new(value, null);

    public static Outcome<T> Refused<T>(Refusal refusal) => new(default, refusal);
}
