using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>axe-core on the lifecycle's pages (reviewer, status with actions, dashboard, detail) at phone and desktop width, in Dutch and English.</summary>
[Collection(SiteCollection.Name)]
public sealed class PageAccessibilityTests(Site site)
{
    [Theory]
    [MemberData(nameof(AccessibilityTests.Cases), MemberType = typeof(AccessibilityTests))]
    public async Task Lifecycle_pages_have_no_axe_violations(string lang, string width)
    {
        var viewport = width == "phone" ? Viewport.Phone : Viewport.Desktop;
        var (id, status) = await Applications.SubmitAsync(site, lang, "Toegankelijk <b>voor</b> iedereen");
        var review = await Applications.ReviewLinkAsync(site, id);
        var locale = lang == "en" ? "en-GB" : "nl-NL";
        var page = await site.NewPageAsync(viewport, locale: locale, coordinator: true);

        async Task CheckAsync(string name, string path, bool token)
        {
            var response = await page.GotoAsync(path);
            var headers = await response!.AllHeadersAsync();
            Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal(token ? "no-referrer" : "same-origin", headers["referrer-policy"]);
            Assert.Equal(0, await page.Locator("[style]").CountAsync());
            Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(0, await page.Locator("b").CountAsync());
            await Artifacts.ScreenshotAsync(page, $"{name}-{width}-{lang}");
            await Accessibility.AssertNoViolationsAsync(page, $"{name} ({width}, {lang})");
        }

        await CheckAsync("review", review + "?lang=" + lang, token: true);
        await CheckAsync("status-actions", status + "?lang=" + lang, token: true);
        await Expect(page.Locator("#contact-email")).ToBeVisibleAsync();
        await CheckAsync("dashboard", "/coordinator?pageSize=200&lang=" + lang, token: false);
        await Expect(page.Locator($"tr[data-id='{id}']")).ToBeVisibleAsync();
        await CheckAsync("coordinator-detail", $"/coordinator/applications/{id}?lang={lang}", token: false);

        // The status page after a refused hand-over: each error sits with its field.
        await page.GotoAsync(status + "?lang=" + lang);
        await page.FillAsync("#contact-email", "not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = lang == "en" ? "Hand over the contact" : "Contactpersoon overdragen" }).ClickAsync();
        await Expect(page.Locator("#contact-email-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#contact-name-error")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, $"status-contact-errors-{width}-{lang}");
        await Accessibility.AssertNoViolationsAsync(page, $"status page with errors ({width}, {lang})");
    }
}
