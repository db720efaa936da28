using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Applicant;

/// <summary>What the visitor typed and what the server said about it: enough to show the form again, nothing lost.</summary>
public sealed record FormState(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string[]> Errors,
    string? ProblemTitle = null,
    string? ProblemDetail = null,
    bool HadFile = false)
{
    public static readonly FormState Empty = new(new Dictionary<string, string>(), new Dictionary<string, string[]>());

    public bool HasErrors => Errors.Count > 0;

    public string? Value(string field) => Values.GetValueOrDefault(field);

    public string[]? ErrorsFor(string field) => Errors.GetValueOrDefault(field);

    public static FormState From(IFormCollection? form, IReadOnlyDictionary<string, string[]>? errors, string? title, string? detail) => new(
        form is null ? new Dictionary<string, string>() : form.Keys.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal),
        errors is null ? new Dictionary<string, string[]>() : errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        title,
        detail,
        form?.Files.Count > 0);
}
