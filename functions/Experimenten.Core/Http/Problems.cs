using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>RFC 7807 problem details at the HTTP edge, in the reader's language, with per-field errors.</summary>
public static class Problems
{
    public static IResult Create(int status, string code, string title, string detail, IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>());
        if (errors is { Count: > 0 })
        {
            ext["errors"] = errors;
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, type: $"urn:experimenten:problem:{code}", extensions: ext);
    }

    public static IResult NotFound(string language) => Create(
        StatusCodes.Status404NotFound, "not-found", Text(language, "NotFound.Title"), Text(language, "NotFound.Detail"));

    /// <summary>One text of <see cref="ProblemText"/> in <paramref name="language"/>, for code without a localizer at hand.</summary>
    public static string Text(string language, string key, params object[] args)
    {
        using var _ = TextCulture.Use(language);
        return Catalogue.For<ProblemText>()[key, args];
    }

    /// <summary>The language of a request: the form's choice, else the browser's, else Dutch.</summary>
    public static string LanguageOf(HttpRequest request, string? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Languages.IsSupported(chosen))
        {
            return chosen!;
        }

        if (Languages.IsSupported(request.Query["lang"]))
        {
            return request.Query["lang"]!;
        }

        var accept = request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Languages.English : Languages.Dutch;
    }
}
