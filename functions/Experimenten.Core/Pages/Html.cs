using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>Server-rendered pages: one layout, every user value encoded, strict security headers.</summary>
public static class Html
{
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static IResult Page(string language, string title, string body, int status = StatusCodes.Status200OK, bool carriesToken = false) =>
        new PageResult(Layout(language, title, body), status, carriesToken);

    static string Layout(string language, string title, string body) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"").Append(E(language)).Append("\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).Append(" · Experimenten</title>")
        .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>")
        .Append("<header class=\"site\"><a class=\"brand\" href=\"/\">Experimenten</a></header>")
        .Append("<main id=\"main\">").Append(body).Append("</main></body></html>")
        .ToString();

    sealed class PageResult(string html, int status, bool carriesToken) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = carriesToken ? "no-referrer" : "same-origin";
            headers.CacheControl = carriesToken ? "no-store" : "no-cache";
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
