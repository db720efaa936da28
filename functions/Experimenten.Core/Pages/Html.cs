using System.Net;
using System.Text;
using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>Server-rendered pages: one layout, every user value encoded, strict security headers.</summary>
public static class Html
{
    /// <summary>No inline script or style anywhere: everything comes from /assets, so an injected tag cannot run.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Dutch first; the English text only when the reader chose English.</summary>
    public static string T(string language, string nl, string en) => language == Languages.English ? en : nl;

    public static IResult Page(string language, string title, string body, int status = StatusCodes.Status200OK, bool carriesToken = false) =>
        Page(new PageOptions(language, title, body) { Status = status, CarriesToken = carriesToken });

    public static IResult Page(PageOptions page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResult(Layout(page), page);
    }

    static string Layout(PageOptions page)
    {
        var lang = page.Language;
        var other = lang == Languages.English ? Languages.Dutch : Languages.English;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(E(lang)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(page.Title)).Append(" · Experimenten</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\">");
        foreach (var script in page.Scripts)
        {
            html.Append("<script src=\"/assets/").Append(E(script)).Append("\" defer></script>");
        }

        // Interim, until every page is a component: the words countdown.js needs, as the Layout component gives them.
        using (Text.TextCulture.Use(lang))
        {
            html.Append("</head><body");
            foreach (var (attribute, key) in ScriptWords)
            {
                html.Append(' ').Append(attribute).Append("=\"").Append(E(Interim[key])).Append('"');
            }

            html.Append('>');
        }

        html
            .Append("<a class=\"skip-link\" href=\"#main\">").Append(T(lang, "Naar de inhoud", "Skip to content")).Append("</a>")
            .Append("<header class=\"site\"><div class=\"bar\"><a class=\"brand\" href=\"/").Append(lang == Languages.English ? "?lang=en" : "").Append("\">Experimenten</a>");
        if (page.SwitchLanguageHref is { } href)
        {
            html.Append("<nav aria-label=\"").Append(T(lang, "Taal", "Language")).Append("\"><a class=\"lang-switch\" lang=\"").Append(other)
                .Append("\" hreflang=\"").Append(other).Append("\" href=\"").Append(E(href)).Append("\">")
                .Append(other == Languages.English ? "English" : "Nederlands").Append("</a></nav>");
        }

        return html.Append("</div></header>")
            .Append(page.Wide ? "<main id=\"main\" class=\"wide\" tabindex=\"-1\">" : "<main id=\"main\" tabindex=\"-1\">").Append(page.Body).Append("</main>")
            .Append("<footer class=\"site\"><p>").Append(T(lang,
                "Experimenten: geld voor kleine experimenten waarin bewoners en welzijnsorganisaties samenwerken.",
                "Experimenten: grants for small experiments in which residents and welfare organisations work together."))
            .Append("</p></footer></body></html>")
            .ToString();
    }

    /// <summary>SharedText for the pages not yet rebuilt as components (interim): the same resources the components read.</summary>
    internal static readonly Microsoft.Extensions.Localization.IStringLocalizer<Text.SharedText> Interim = new Microsoft.Extensions.Localization.StringLocalizer<Text.SharedText>(
        new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    static readonly (string, string)[] ScriptWords =
    [
        ("data-countdown-passed", "Countdown.Passed"), ("data-countdown-long", "Countdown.Script.Long"), ("data-countdown-short", "Countdown.Script.Short"),
        ("data-unit-day-one", "Unit.Day.One"), ("data-unit-day-other", "Unit.Day.Other"), ("data-unit-hour-one", "Unit.Hour.One"),
        ("data-unit-hour-other", "Unit.Hour.Other"), ("data-unit-minute-one", "Unit.Minute.One"), ("data-unit-minute-other", "Unit.Minute.Other"),
    ];

    sealed class PageResult(string html, PageOptions page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = page.CarriesToken ? "no-referrer" : "same-origin";
            headers.CacheControl = page.CarriesToken || page.NoStore ? "no-store" : "no-cache";
            page.Prepare?.Invoke(httpContext);
            response.StatusCode = page.Status;
            response.ContentType = "text/html; charset=utf-8";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}

/// <summary>What one page needs from the layout.</summary>
public sealed record PageOptions(string Language, string Title, string Body)
{
    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>The URL carries a secret (a signed link): no referrer, no caching.</summary>
    public bool CarriesToken { get; init; }

    /// <summary>The page holds something per visitor (a CSRF token): never cached.</summary>
    public bool NoStore { get; init; }

    /// <summary>The same page in the other language; a relative "?lang=…" keeps the path (and its token).</summary>
    public string? SwitchLanguageHref { get; init; }

    /// <summary>Scripts from /assets, deferred; each page works without them.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>A wider main column, for tables.</summary>
    public bool Wide { get; init; }

    /// <summary>Runs before the body is written, e.g. to set a cookie.</summary>
    public Action<HttpContext>? Prepare { get; init; }
}
