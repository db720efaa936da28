using System.Net;
using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>Without JavaScript the form is a plain HTML post: the server answers with pages, nothing typed is lost.</summary>
[Collection(SiteCollection.Name)]
public sealed class NoScriptFormTests(Site site)
{
    [Fact]
    public async Task Errors_are_shown_per_field_with_every_typed_value_kept_and_the_corrected_form_is_accepted()
    {
        var page = await site.NewPageAsync(Viewport.Phone, javaScript: false);
        await page.GotoAsync("/");
        var values = new Dictionary<string, string>(ApplicationFormPage.Valid)
        {
            ["title"] = "Buurt <script>alert(1)</script> & \"samen\"",
            ["residentContactEmail"] = "anna@",
            ["budgetRequested"] = "zeven",
        };
        values.Remove("welfareContactName");
        await ApplicationFormPage.FillAsync(page, values, planText: "Ons plan in een paar zinnen.");
        await page.UncheckAsync("#consent");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync(),
            r => r.Url.EndsWith("/api/applications", StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await Artifacts.ScreenshotAsync(page, "form-errors-nojs-phone-nl");

        // Every typed value is still there, encoded (the script is shown as text, not run).
        await Expect(page.Locator("#title")).ToHaveValueAsync(values["title"]);
        await Expect(page.Locator("#summary")).ToHaveValueAsync(values["summary"]);
        await Expect(page.Locator("#planText")).ToHaveValueAsync("Ons plan in een paar zinnen.");
        await Expect(page.Locator("#residentContactEmail")).ToHaveValueAsync("anna@");
        await Expect(page.Locator("input[name=callId][value=demo]")).ToBeCheckedAsync();

        // Each error sits by its field and is tied to it; the summary links to each field.
        foreach (var (field, text) in new[]
        {
            ("residentContactEmail", "geen geldig e-mailadres"),
            ("budgetRequested", "hele euro's"),
            ("welfareContactName", "Vul dit veld in."),
            ("consent", "toestemming"),
        })
        {
            var input = page.Locator("#" + field);
            await Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(input).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex($"\\b{field}-error\\b"));
            await Expect(page.Locator($"#{field}-error")).ToContainTextAsync(text);
            await Expect(page.Locator($".error-summary a[href='#{field}']")).ToContainTextAsync(text);
        }

        await Expect(page.Locator("#title")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: "));

        // Corrected and sent again (the same CSRF cookie and field): the server's success page.
        await page.FillAsync("#residentContactEmail", "anna@example.org");
        await page.FillAsync("#budgetRequested", "€ 7.500");
        await page.FillAsync("#welfareContactName", "Bram Jansen");
        await page.CheckAsync("#consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();
        var id = await ApplicationFormPage.ReferenceAsync(page);
        Assert.StartsWith("exp-", id, StringComparison.Ordinal);
        await Expect(page.Locator("a[data-slot=status]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/status/"));
        await Artifacts.ScreenshotAsync(page, "success-nojs-phone-nl");

        await page.Locator("a[data-slot=status]").ClickAsync();
        await Expect(page.Locator(".reference")).ToHaveTextAsync(id);
        await Expect(page.Locator("h1")).ToHaveTextAsync(values["title"]);
    }

    [Fact]
    public async Task A_form_post_without_the_csrf_cookie_is_refused_and_nothing_is_stored()
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in ApplicationFormPage.Valid)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("demo"), "callId");
        content.Add(new StringContent("Plan"), "planText");
        content.Add(new StringContent("true"), "consent");
        content.Add(new StringContent("html"), "_format");
        content.Add(new StringContent(new string('a', 43)), "_csrf");
        var response = await site.Host.Client.PostAsync(new Uri(site.Host.BaseUrl + "/api/applications"), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Formulier verlopen", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Samen de buurtkamer openhouden\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
