using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>The whole application by keyboard alone: Tab to move, typing, Space and arrows to choose, Enter to send.</summary>
[Collection(SiteCollection.Name)]
public sealed class KeyboardTests(Site site)
{
    [Fact]
    public async Task A_resident_can_apply_with_the_keyboard_only()
    {
        var page = await site.NewPageAsync(Viewport.Desktop);
        await page.GotoAsync("/");

        // The first Tab reaches the skip link, and Enter on it moves on to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The call: Tab into the radio group, arrow to the demo call.
        await TabToAsync(page, "callId");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("demo", await page.EvaluateAsync<string>("() => document.activeElement.value"));

        // Try to send first: the errors come back and focus lands on the summary.
        await TabToAsync(page, "submit");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Expect(page.Locator("#title-error")).ToContainTextAsync("Vul dit veld in.");

        // Follow the summary's first link to its field, then fill in everything.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        foreach (var (field, value) in ApplicationFormPage.Valid)
        {
            await TabToAsync(page, field);
            await page.Keyboard.TypeAsync(value);
        }

        await TabToAsync(page, "planText");
        await page.Keyboard.TypeAsync("Samen leren hoe we de buurtkamer openhouden.");
        await TabToAsync(page, "consent");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "submit");
        await page.Keyboard.PressAsync("Enter");

        var id = await ApplicationFormPage.ReferenceAsync(page);
        Assert.StartsWith("exp-", id, StringComparison.Ordinal);
        Assert.Equal("accepted-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Artifacts.ScreenshotAsync(page, "success-keyboard-desktop-nl");
    }

    /// <summary>Presses Tab until the element (by id, or the submit button) has focus; fails if it is never reached.</summary>
    static async Task TabToAsync(IPage page, string target)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.type === 'submit' ? 'submit' : (document.activeElement.name === 'callId' ? 'callId' : document.activeElement.id)");
            if (focused == target)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}");
    }

    static Task<string> FocusedTextAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.textContent");
}
