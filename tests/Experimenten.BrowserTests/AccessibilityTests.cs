using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>
/// axe-core reports 0 violations on every page, at phone and desktop width, in Dutch and in English; each page's
/// screenshot is kept. The pages also carry the security headers the design asks for.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(Site site)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "nl", "phone" },
        { "nl", "desktop" },
        { "en", "phone" },
        { "en", "desktop" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_page_has_no_axe_violations(string lang, string width)
    {
        var viewport = width == "phone" ? Viewport.Phone : Viewport.Desktop;
        var statusPath = (await Applications.SubmitAsync(site, lang)).StatusPath;
        var page = await site.NewPageAsync(viewport, locale: lang == "en" ? "en-GB" : "nl-NL");
        var query = "?lang=" + lang;

        async Task CheckAsync(string name, string? path = null, bool token = false)
        {
            if (path is not null)
            {
                var response = await page.GotoAsync(path);
                var headers = await response!.AllHeadersAsync();
                Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
                if (token)
                {
                    Assert.Equal("no-referrer", headers["referrer-policy"]);
                }

                // No inline style in what the server sent (axe itself may add some later, so check first).
                Assert.Equal(0, await page.Locator("[style]").CountAsync());
            }

            Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
            await Artifacts.ScreenshotAsync(page, $"{name}-{width}-{lang}");
            await Accessibility.AssertNoViolationsAsync(page, $"{name} ({width}, {lang})");
        }

        await CheckAsync("form", "/" + query);

        // The form after a refused plain post. axe needs JavaScript, so the page keeps it and only form.js is
        // withheld: the form then posts as it does without JavaScript, and the server renders the answer.
        var noScript = await site.NewPageAsync(viewport);
        await noScript.RouteAsync("**/assets/form.js", route => route.AbortAsync());
        await noScript.GotoAsync("/" + query);
        await noScript.Locator("button[type=submit]").ClickAsync();
        await Expect(noScript.Locator("#error-summary")).ToBeVisibleAsync();
        Assert.Equal(lang, await noScript.GetAttributeAsync("html", "lang"));
        await Artifacts.ScreenshotAsync(noScript, $"form-errors-{width}-{lang}");
        await Accessibility.AssertNoViolationsAsync(noScript, $"form with errors ({width}, {lang})");

        // The same errors found by the script, before anything is sent.
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await CheckAsync("form-errors-script");

        // The server-rendered success page after a plain post.
        await ApplicationFormPage.FillAsync(noScript);
        await noScript.Locator("button[type=submit]").ClickAsync();
        await ApplicationFormPage.ReferenceAsync(noScript);
        await Artifacts.ScreenshotAsync(noScript, $"success-{width}-{lang}");
        await Accessibility.AssertNoViolationsAsync(noScript, $"success page ({width}, {lang})");

        await CheckAsync("status", statusPath + query, token: true);
        await CheckAsync("status-bad-link", "/status/not-a-token" + query, token: true);
        await CheckAsync("mail", "/dev/mail" + query, token: true);
    }
}
