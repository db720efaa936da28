using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Coordinator;

/// <summary>
/// What the detail page shows after an action: a notice and, after a refusal, which form it belongs to with
/// what was typed and each field's errors.
/// </summary>
public sealed record DetailState(string? NoticeTitle, string? NoticeText, bool Error, string? Form, IReadOnlyDictionary<string, string[]> Errors, IFormCollection? Values, int Status)
{
    public string[]? ErrorsFor(string form, string field) => Form == form && Errors.TryGetValue(field, out var e) ? e : null;

    public string? ValueFor(string form, string field) => Form == form ? Values?[field].ToString() : null;
}
