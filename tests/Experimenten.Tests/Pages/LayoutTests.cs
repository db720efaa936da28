using Experimenten.Domain;
using Experimenten.Pages;
using Experimenten.Pages.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Pages;

public sealed class LayoutTests
{
    [Fact]
    public async Task Renders_the_page_in_the_readers_language_with_a_switch_to_every_other_language()
    {
        using var services = PageServices.Build();
        var pages = services.GetRequiredService<PageRenderer>();
        RenderFragment body = b => b.AddContent(0, "<script>alert(1)</script>");
        var html = await pages.RenderAsync<Layout>(Languages.English, new Dictionary<string, object?> { ["Title"] = "Apply <now>", ["ChildContent"] = body });

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Apply &lt;now&gt; · Experimenten</title>", html, StringComparison.Ordinal);
        Assert.Contains("Skip to content", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-time-zone=\"Europe/Amsterdam\"", html, StringComparison.Ordinal);
        foreach (var other in Languages.All.Where(l => l != Languages.English))
        {
            Assert.Contains($"hreflang=\"{other}\" href=\"?lang={other}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hreflang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dutch_and_English_are_found_from_the_resources()
    {
        Assert.Equal(Languages.Dutch, Languages.All[0]);
        Assert.Contains(Languages.English, Languages.All);
    }

    [Fact]
    public async Task A_page_goes_out_with_the_security_headers_and_its_csrf_cookie()
    {
        using var services = PageServices.Build();
        var pages = services.GetRequiredService<PageRenderer>();
        var result = pages.Page<Layout>(Languages.Dutch, new Dictionary<string, object?> { ["Title"] = "Aanvragen" },
            new PageResponse { Status = StatusCodes.Status422UnprocessableEntity, CsrfToken = new string('a', 43) });
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await result.ExecuteAsync(context);

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Equal(PageRenderer.ContentSecurityPolicy, context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Contains(Csrf.CookieName, context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        Assert.Contains("Naar de inhoud", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }
}
