using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Pages;

/// <summary>
/// Renders Razor components to HTML with ASP.NET Core's <see cref="HtmlRenderer"/>. Chosen over
/// <c>RazorComponentResult</c> because it needs no Razor Components endpoint services, so the very same call
/// runs under the self-host, the Functions isolated worker (which returns it through its ASP.NET Core
/// integration) and in an activity (emails); and because the page's headers stay in one place
/// (<see cref="PageResult"/>). Encoding is Razor's: a component never writes raw HTML from a value.
/// </summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers, IOptions<FundOptions> fund, TimeProvider time)
{
    /// <summary>No inline script or style anywhere: everything comes from /assets, so an injected tag cannot run.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /// <summary>A page: the component rendered in the reader's language, sent with the security headers.</summary>
    public IResult Page<TComponent>(string language, IDictionary<string, object?>? parameters = null, PageResponse? response = null)
        where TComponent : IComponent =>
        new PageResult(this, typeof(TComponent), Languages.Normalize(language), parameters, response ?? PageResponse.Ok);

    /// <summary>The component's HTML in a language: for pages, rows the coordinator list asks for, and emails.</summary>
    public Task<string> RenderAsync<TComponent>(string language, IDictionary<string, object?>? parameters = null, string? csrfToken = null)
        where TComponent : IComponent =>
        RenderAsync(typeof(TComponent), Languages.Normalize(language), parameters, csrfToken);

    async Task<string> RenderAsync(Type component, string language, IDictionary<string, object?>? parameters, string? csrfToken)
    {
        var context = new PageContext(language, fund.Value.TimeZone, time.GetUtcNow()) { CsrfToken = csrfToken };
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            using var _ = TextCulture.Use(language);
            var root = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PageContext)] = context,
                [nameof(Type)] = component,
                [nameof(ParameterView)] = parameters,
            });
            var output = await renderer.RenderComponentAsync<PageHost>(root);
            return output.ToHtmlString();
        });
    }

    sealed class PageResult(PageRenderer pages, Type component, string language, IDictionary<string, object?>? parameters, PageResponse page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var html = await pages.RenderAsync(component, language, parameters, page.CsrfToken);
            var response = httpContext.Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = page.CarriesToken ? "no-referrer" : "same-origin";
            headers.CacheControl = page.CarriesToken || page.NoStore || page.CsrfToken is not null ? "no-store" : "no-cache";
            if (page.CsrfToken is { } csrf)
            {
                Csrf.SetCookie(httpContext, csrf);
            }

            page.Prepare?.Invoke(httpContext);
            response.StatusCode = page.Status;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
