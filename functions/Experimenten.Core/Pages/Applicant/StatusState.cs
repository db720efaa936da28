using Experimenten.Commands;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Applicant;

/// <summary>
/// What the status page shows above its facts: the outcome a redirect names (<see cref="Done"/>), or a refusal
/// with the form it belongs to and what was typed there.
/// </summary>
public sealed record StatusState
{
    public static readonly StatusState None = new();

    /// <summary>"withdraw" or "contact" after a redirect; only known codes, never text from the URL.</summary>
    public string? Done { get; init; }

    public Refusal? Refusal { get; init; }

    /// <summary>The form the refusal belongs to: "withdraw", "contact", or null for the page as a whole.</summary>
    public string? Form { get; init; }

    public IReadOnlyDictionary<string, string>? Values { get; init; }

    public int Status => Refusal is null ? StatusCodes.Status200OK : OutcomeResults.StatusOf(Refusal);

    /// <summary>The refusal and the typed values, for the form named <paramref name="form"/> only.</summary>
    public StatusState? For(string form) => Form == form ? this : null;

    public string? Value(string field) => Values?.GetValueOrDefault(field);

    public string[]? ErrorsFor(string field) => Refusal?.ErrorsFor(field);
}
