using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>A resident applies in a real browser, then follows the emailed status link, as in the issue's flow.</summary>
[Collection(SiteCollection.Name)]
public sealed class ApplicantFlowTests(Site site)
{
    [Fact]
    public async Task A_resident_uploads_a_plan_with_a_progress_bar_and_the_emailed_status_link_opens_the_status_page()
    {
        var page = await site.NewPageAsync(Viewport.Phone);
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Vraag geld aan voor een experiment");
        await Expect(page.Locator(".call .countdown").First).ToHaveTextAsync(new Regex("^Nog .*dag"));

        await ApplicationFormPage.FillAsync(page, planText: null);
        await page.SetInputFilesAsync("#plan", TestFiles.Pdf());

        // Record what the progress bar showed: it lives in the form, which the success page replaces.
        await page.EvaluateAsync(@"() => {
            window.seen = { shown: false, values: [] };
            const bar = document.getElementById('upload-progress');
            new MutationObserver(() => {
                window.seen.shown ||= !document.getElementById('upload').hidden;
                window.seen.values.push(bar.value);
            }).observe(document.getElementById('upload'), { attributes: true, subtree: true });
        }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();

        var id = await ApplicationFormPage.ReferenceAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Uw aanvraag is binnen");
        var seen = await page.EvaluateAsync<JsonElement>("() => window.seen");
        Assert.True(seen.GetProperty("shown").GetBoolean(), "the progress bar was shown during the upload");
        Assert.Contains(100.0, seen.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        await Artifacts.ScreenshotAsync(page, "success-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the script-rendered success page");

        // The confirmation reaches both contacts; open it in the mail viewer and follow its status link.
        var mail = await WaitForMailAsync(id);
        await page.GotoAsync("/dev/mail");
        var n = mail[0].Index;
        await page.Locator($"a[href='/dev/mail/{n}']").ClickAsync();
        await page.WaitForURLAsync($"**/dev/mail/{n}");
        await Artifacts.ScreenshotAsync(page, "mail-received-phone-nl");
        await page.Locator("a[href*='/status/']").First.ClickAsync();
        await page.WaitForURLAsync("**/status/**");

        await Expect(page.Locator(".reference")).ToHaveTextAsync(id);
        await Expect(page.Locator("h1")).ToHaveTextAsync(ApplicationFormPage.Valid["title"]);
        await Expect(page.Locator(".stage")).ToHaveTextAsync("De beoordelaars lezen het plan");
        await Expect(page.Locator(".waiting-on")).ToContainTextAsync("beoordelaars");
        await Expect(page.Locator("ol.timeline li").First).ToContainTextAsync("Aanvraag ontvangen");
        Assert.True(await page.Locator("ol.timeline li").CountAsync() >= 3, "the timeline shows received, screening and review");
        await Artifacts.ScreenshotAsync(page, "status-from-mail-phone-nl");
    }

    /// <summary>Waits until both contacts have mail about the application; returns their mails' numbers in the viewer, oldest first.</summary>
    async Task<(int Index, string To)[]> WaitForMailAsync(string id)
    {
        string[] contacts = ["anna@example.org", "bram@example.org"];
        (int Index, string To)[] found = [];
        await Wait.UntilAsync(async () =>
        {
            var rows = await site.Host.Client.GetFromJsonAsync<JsonElement[]>(new Uri(site.Host.BaseUrl + "/dev/mail.json"));
            found = [.. rows!.Select((r, i) => (Index: i + 1, Row: r))
                .Where(x => x.Row.GetProperty("applicationId").GetString() == id)
                .Select(x => (x.Index, x.Row.GetProperty("to").GetString()!))
                .Where(x => contacts.Contains(x.Item2))];
            return contacts.All(c => found.Any(f => f.To == c));
        }, TimeSpan.FromSeconds(60), $"expected mail for both contacts of {id}\n{site.Host.Output}");
        return found;
    }
}
