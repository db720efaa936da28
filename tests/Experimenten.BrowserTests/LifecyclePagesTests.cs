using System.Globalization;
using System.Text.RegularExpressions;
using Experimenten.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Experimenten.BrowserTests;

/// <summary>The browser flow past the form: reviewers decide from the email, a coordinator extends a deadline and judges a report, applicants withdraw, revise and report.</summary>
[Collection(SiteCollection.Name)]
public sealed class LifecyclePagesTests(Site site)
{
    [Fact]
    public async Task A_reviewer_opens_the_emailed_link_and_approves_on_the_page()
    {
        var (id, _) = await Applications.SubmitAsync(site, title: "Beoordelen vanaf de telefoon");
        var link = await Applications.ReviewLinkAsync(site, id);
        var page = await site.NewPageAsync(Viewport.Phone);
        var response = await page.GotoAsync(link);
        Assert.Equal("no-referrer", (await response!.AllHeadersAsync())["referrer-policy"]);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Beoordelen vanaf de telefoon");
        await Expect(page.Locator(".countdown")).ToHaveTextAsync(new Regex("^Nog 0 uur"));

        // Sending without a choice: the error is tied to the choices and nothing is recorded.
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit versturen" }).ClickAsync();
        await Expect(page.Locator("#decision-error")).ToBeVisibleAsync();
        Assert.Equal("decision-error", await page.GetAttributeAsync("fieldset", "aria-describedby"));

        await page.Locator("#decision-approve").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit versturen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Dank u wel");
        await Expect(page.Locator(".notice")).ToContainTextAsync("goedkeuren");
        await Artifacts.ScreenshotAsync(page, "review-decided-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the reviewer's confirmation page");

        // The same link again shows who decided what.
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hierover is al besloten");
        await Artifacts.ScreenshotAsync(page, "review-already-decided-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the already-decided page");
    }

    [Fact]
    public async Task A_coordinator_extends_a_deadline_and_the_list_shows_the_new_countdown_without_a_reload()
    {
        var (id, _) = await Applications.SubmitAsync(site, title: "Deadline verzetten");
        await Applications.ReviewLinkAsync(site, id);
        var list = await site.NewPageAsync(Viewport.Desktop, coordinator: true);
        await list.GotoAsync("/coordinator?callId=demo&pageSize=200");
        var row = list.Locator($"tr[data-id='{id}']");
        await Expect(row.Locator(".stage-cell")).ToHaveTextAsync("Bij de beoordelaars");
        await Expect(row.Locator(".countdown")).ToHaveTextAsync(new Regex("^Nog 0 uur"));
        await Artifacts.ScreenshotAsync(list, "dashboard-before-desktop-nl");

        var detail = await list.Context.NewPageAsync();
        await detail.GotoAsync($"/coordinator/applications/{id}");
        await Expect(detail.Locator("h1")).ToHaveTextAsync("Deadline verzetten");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(3), zone);
        var target = new DateTimeOffset(local.Year, local.Month, local.Day, 17, 0, 0, local.Offset);
        await detail.FillAsync("#deadline-deadline", target.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await detail.FillAsync("#deadline-reason", "De beoordelaars vragen een paar dagen extra.");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Deadline verzetten" }).ClickAsync();
        await Expect(detail.Locator(".notice")).ToContainTextAsync("De deadline is verzet");
        var utc = target.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await Expect(detail.Locator(".deadline time")).ToHaveAttributeAsync("datetime", utc);
        await Expect(detail.Locator(".deadline .countdown")).ToHaveTextAsync(new Regex("^Nog [23] dagen"));
        await Expect(detail.Locator("ol.timeline")).ToContainTextAsync("De beoordelaars vragen een paar dagen extra.");
        await Artifacts.ScreenshotAsync(detail, "coordinator-detail-extended-desktop-nl");

        // The list, open all along, picks the new deadline up on its own.
        await list.BringToFrontAsync();
        await Expect(row.Locator("time")).ToHaveAttributeAsync("datetime", utc, new() { Timeout = 40_000 });
        await Expect(row.Locator(".countdown")).ToHaveTextAsync(new Regex("^Nog [23] dagen"));
        await Artifacts.ScreenshotAsync(list, "dashboard-after-desktop-nl");
        await Accessibility.AssertNoViolationsAsync(list, "the refreshed dashboard");

        // A refused action shows the error next to its field, and nothing changes.
        await detail.FillAsync("#cancel-reason", "Dubbel ingediend.");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Aanvraag stopzetten" }).ClickAsync();
        await Expect(detail.Locator("#cancel-confirm-error")).ToBeVisibleAsync();
        Assert.Equal("cancel-confirm-error", await detail.GetAttributeAsync("#cancel-confirm", "aria-describedby"));
        await Expect(detail.Locator("#cancel-reason")).ToHaveValueAsync("Dubbel ingediend.");
        await Artifacts.ScreenshotAsync(detail, "coordinator-detail-error-desktop-nl");
        await Accessibility.AssertNoViolationsAsync(detail, "the detail page with an error");
    }

    [Fact]
    public async Task An_applicant_withdraws_from_the_status_page_after_confirming()
    {
        var (_, status) = await Applications.SubmitAsync(site, title: "We stoppen ermee");
        var page = await site.NewPageAsync(Viewport.Phone);
        await page.GotoAsync(status);
        await page.FillAsync("#withdraw-reason", "De buurtkamer gaat dicht.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag intrekken", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Weet u zeker dat u de aanvraag wilt intrekken?");
        await Expect(page.Locator("blockquote")).ToHaveTextAsync("De buurtkamer gaat dicht.");
        await Artifacts.ScreenshotAsync(page, "withdraw-confirm-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the withdraw confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, aanvraag intrekken" }).ClickAsync();
        await site.WaitForUrlAsync(page, new Regex("/status/[^/]+\\?done=withdraw$"));
        await Expect(page.Locator(".notice")).ToBeVisibleAsync();

        await Wait.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator(".stage").TextContentAsync())?.Trim() == "Ingetrokken";
        }, TimeSpan.FromSeconds(30), "the stage never became Ingetrokken\n" + site.Host.Output);
        await Expect(page.Locator(".notice")).ToContainTextAsync("De aanvraag is ingetrokken");
        await Expect(page.Locator("#withdraw-reason")).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(page, "withdrawn-phone-nl");
    }
    [Fact]
    public async Task A_reviewer_asks_for_changes_and_the_applicant_sends_a_revision_through_the_emailed_link()
    {
        var (id, status) = await Applications.SubmitAsync(site, title: "Tweede versie van ons plan");
        var reviewer = await site.NewPageAsync(Viewport.Phone);
        await reviewer.GotoAsync(await Applications.ReviewLinkAsync(site, id));
        await reviewer.CheckAsync("#decision-changes");
        await reviewer.FillAsync("#comment", "Vertel meer over wie de sleutels beheert.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Besluit versturen" }).ClickAsync();
        await Expect(reviewer.Locator("h1")).ToHaveTextAsync("Dank u wel, uw besluit is ontvangen");

        // The applicants' email carries the reviewer's words and a link to the upload page.
        var upload = await Applications.LinkAsync(site, id, "|ChangesRequested|", "/revision/");
        var page = await site.NewPageAsync(Viewport.Phone);
        var response = await page.GotoAsync(upload);
        Assert.Equal("no-referrer", (await response!.AllHeadersAsync())["referrer-policy"]);
        await Expect(page.Locator("ul.comments")).ToContainTextAsync("Vertel meer over wie de sleutels beheert.");
        await Artifacts.ScreenshotAsync(page, "revision-upload-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the revision upload page");

        await page.FillAsync("#text", "Anna beheert de sleutels, Bram de vrijwilligers.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ontvangen");
        await Artifacts.ScreenshotAsync(page, "revision-received-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the revision received page");

        // Round 2 starts: the reviewers are invited again, and the status page shows the review.
        await Applications.LinkAsync(site, id, "|ReviewInvitation|r2|", "/review/");
        await page.GotoAsync(status);
        await Expect(page.Locator(".stage")).ToHaveTextAsync("De beoordelaars lezen het plan");
    }

    [Fact]
    public async Task An_approved_team_sends_its_report_from_the_status_page_and_the_coordinator_accepts_it()
    {
        var (id, detail) = await ReportWaitingForTheCoordinatorAsync("Verslag over de buurtkamer", "Bewoners openen de buurtkamer nu zelf, op dinsdag en donderdag.");
        await Expect(detail.Locator("ol.timeline")).ToContainTextAsync("koos \"goedkeuren\"");
        await Accessibility.AssertNoViolationsAsync(detail, "the detail page with a report to assess");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Verslag goedkeuren" }).ClickAsync();
        await Expect(detail.Locator(".notice")).ToContainTextAsync("Het verslag is goedgekeurd.");
        await Artifacts.ScreenshotAsync(detail, "coordinator-report-accepted-desktop-nl");
        await Applications.LinkAsync(site, id, "|ReportAccepted|", "/status/");
    }

    [Fact]
    public async Task A_coordinator_asks_to_add_to_a_report_and_the_team_sends_it_again_through_the_emailed_link()
    {
        var (id, detail) = await ReportWaitingForTheCoordinatorAsync("Verslag met een vraag", "Het ging goed.");

        // Asking for more needs a comment for the applicants: the error is tied to that field.
        await detail.GetByRole(AriaRole.Button, new() { Name = "Om aanvulling vragen" }).ClickAsync();
        await Expect(detail.Locator("#report-1-comment-error")).ToBeVisibleAsync();
        Assert.Contains("report-1-comment-error", (await detail.GetAttributeAsync("#report-1-comment", "aria-describedby"))!.Split(' '));
        await detail.FillAsync("#report-1-comment", "Wat ging er minder goed, en wat leerde u daarvan?");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Om aanvulling vragen" }).ClickAsync();
        await Expect(detail.Locator(".notice")).ToContainTextAsync("De aanvragers krijgen de vraag om het verslag aan te vullen.");

        var again = await Applications.LinkAsync(site, id, "|ReportChangesRequested|", "/report/");
        var page = await site.NewPageAsync(Viewport.Phone);
        await page.GotoAsync(again);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Het verslag 1 sturen");
        await page.FillAsync("#text", "Het ging goed. De sleutels kwijtraken was lastig; nu heeft de buurt een sleutelkastje.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ontvangen");

        await Wait.UntilAsync(async () =>
        {
            await detail.GotoAsync($"/coordinator/applications/{id}");
            return (await detail.Locator(".report blockquote").First.TextContentAsync())?.Contains("sleutelkastje", StringComparison.Ordinal) == true;
        }, TimeSpan.FromSeconds(60), "the added report never reached the coordinator\n" + site.Host.Output);
        await Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Verslag goedkeuren" })).ToHaveCountAsync(1);
    }

    /// <summary>Two reviewers approve; the team sends report 1 from the status page; the coordinator's page shows it to assess.</summary>
    async Task<(string Id, IPage Detail)> ReportWaitingForTheCoordinatorAsync(string title, string report)
    {
        var (id, status) = await Applications.SubmitAsync(site, title: title);
        foreach (var link in await Applications.ReviewLinksAsync(site, id, 2))
        {
            var reviewer = await site.NewPageAsync(Viewport.Phone);
            await reviewer.GotoAsync(link);
            await reviewer.CheckAsync("#decision-approve");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Besluit versturen" }).ClickAsync();
            await Expect(reviewer.Locator("h1")).ToContainTextAsync("Dank u wel");
        }

        // Approved with two of three: the status page asks for the first report, with a link to send it.
        var page = await site.NewPageAsync(Viewport.Phone);
        var send = page.GetByRole(AriaRole.Link, new() { Name = "Verslag 1 sturen" });
        await Wait.UntilAsync(async () =>
        {
            await page.GotoAsync(status);
            return await send.CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the status page never asked for report 1\n" + site.Host.Output);
        await send.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Het verslag 1 sturen");
        await Artifacts.ScreenshotAsync(page, "report-upload-phone-nl");
        await Accessibility.AssertNoViolationsAsync(page, "the report upload page");
        await page.FillAsync("#text", report);
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ontvangen");

        var detail = await site.NewPageAsync(Viewport.Desktop, coordinator: true);
        var accept = detail.GetByRole(AriaRole.Button, new() { Name = "Verslag goedkeuren" });
        await Wait.UntilAsync(async () =>
        {
            await detail.GotoAsync($"/coordinator/applications/{id}");
            return await accept.CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the report never showed as waiting for the coordinator\n" + site.Host.Output);
        await Expect(detail.Locator(".report blockquote").First).ToHaveTextAsync(report);
        return (id, detail);
    }
}
