using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>
/// Tells a request another site made a browser send apart from one of our own pages or a script. Browsers
/// say where a request comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>); scripts send neither.
/// </summary>
public static class CrossSite
{
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // "null" (a sandboxed frame, a file) and anything that is not this very host are someone else.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for a JSON body: no HTML form and no "simple" cross-site request can send one without asking first (CORS preflight), which this app never allows.</summary>
    public static bool IsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType ?? "";
        var media = type.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    public static IResult Refused(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        return Problems.Create(403, "cross-site", Problems.Text(lang, "CrossSite.Title"), Problems.Text(lang, "CrossSite.Detail"));
    }
}
