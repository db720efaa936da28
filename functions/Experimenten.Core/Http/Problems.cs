using Experimenten.Domain;
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
        StatusCodes.Status404NotFound,
        "not-found",
        Pick(language, "Niet gevonden", "Not found"),
        Pick(language,
            "Deze aanvraag bestaat niet, of de link is niet (meer) geldig. Gebruik de link uit de laatste e-mail, of neem contact op met het fondsbureau.",
            "This application does not exist, or the link is not (or no longer) valid. Use the link in the latest email, or contact the fund office."));

    public static string Pick(string language, string nl, string en) => language == Languages.English ? en : nl;

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
