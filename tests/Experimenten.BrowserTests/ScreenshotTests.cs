using Experimenten.BrowserTests.Infrastructure;

namespace Experimenten.BrowserTests;

/// <summary>
/// Every page a person opens, at 390 px (a phone) and 1280 px, in each language: a screenshot of each under
/// artifacts/screenshots/all/ for a person to compare, and axe-core on each. The applications are brought to
/// each stage through the API and the emailed links, so the pages are the ones their users see.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ScreenshotTests(Site site)
{
    static readonly Viewport[] Widths = [new("390", 390, 844, true), new("1280", 1280, 900, false)];

    public static TheoryData<string> Languages => new() { "nl", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_at_phone_and_desktop_width(string lang)
    {
        var pages = await PagesAsync(lang);
        foreach (var width in Widths)
        {
            var visitor = await site.NewPageAsync(width, locale: lang == "en" ? "en-GB" : "nl-NL");
            var coordinator = await site.NewPageAsync(width, locale: lang == "en" ? "en-GB" : "nl-NL", coordinator: true);
            foreach (var (name, path, signedIn) in pages)
            {
                var page = signedIn ? coordinator : visitor;
                await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
                Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
                Directory.CreateDirectory(Path.Combine(Artifacts.Folder, "all"));
                await Artifacts.ScreenshotAsync(page, $"all/{name}-{width.Name}-{lang}");
                await Accessibility.AssertNoViolationsAsync(page, $"{name} ({width.Name} px, {lang})");
            }
        }
    }

    /// <summary>One application per stage a page needs: in review, asked for changes, and approved with a report due.</summary>
    async Task<IReadOnlyList<(string Name, string Path, bool Coordinator)>> PagesAsync(string lang)
    {
        var (id, status) = await Applications.SubmitAsync(site, lang, "Samen de buurtkamer");
        var review = Local(await Applications.ReviewLinkAsync(site, id));
        var plan = Local(await Applications.LinkAsync(site, id, "|ReviewInvitation|", "/plan/"));

        var (revising, _) = await Applications.SubmitAsync(site, lang, "Tweede versie van ons plan");
        await DecideAsync(await Applications.ReviewLinkAsync(site, revising), "changes", "Vertel meer over wie de sleutels beheert.");
        var revision = Local(await Applications.LinkAsync(site, revising, "|ChangesRequested|", "/revision/"));

        var (approved, approvedStatus) = await Applications.SubmitAsync(site, lang, "Buurtmoestuin De Groene Hoek");
        foreach (var link in await Applications.ReviewLinksAsync(site, approved, 2))
        {
            await DecideAsync(link, "approve", "");
        }

        var report = await ReportLinkAsync(approvedStatus);
        return
        [
            ("form", "/", false),
            ("status", status, false),
            ("review", review, false),
            ("plan", plan, false),
            ("revision", revision, false),
            ("report", report, false),
            ("link-not-valid", "/status/v1.not-a-real-link", false),
            ("coordinator-sign-in", "/coordinator/sign-in", false),
            ("coordinator-list", "/coordinator?pageSize=200", true),
            ("coordinator-detail", $"/coordinator/applications/{approved}", true),
            ("outbox", "/dev/mail", false),
        ];
    }

    async Task DecideAsync(string link, string decision, string comment)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment });
        var response = await site.Host.Client.PostAsync(new Uri(link), form);
        Assert.True(response.IsSuccessStatusCode, $"the {decision} decision was refused ({response.StatusCode})");
    }

    /// <summary>The approved team's status page links to the report once the cycle asks for it.</summary>
    async Task<string> ReportLinkAsync(string status)
    {
        var page = await site.NewPageAsync(Viewport.Desktop);
        var send = page.Locator("a[href*='/report/']");
        await Wait.UntilAsync(async () =>
        {
            await page.GotoAsync(status);
            return await send.CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the status page never asked for report 1\n" + site.Host.Output);
        var href = await send.GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return Local(new Uri(new Uri(site.Host.BaseUrl), href).ToString());
    }

    static string Local(string link)
    {
        var uri = new Uri(link);
        return uri.AbsolutePath + uri.Query.Replace("?lang=nl", "", StringComparison.Ordinal).Replace("?lang=en", "", StringComparison.Ordinal);
    }
}
