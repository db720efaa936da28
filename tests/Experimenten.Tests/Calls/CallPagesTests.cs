using System.Globalization;
using System.Net;
using Experimenten.Calls;
using Experimenten.Tests.Infrastructure;
using Experimenten.Tests.Privacy;

namespace Experimenten.Tests.Calls;

/// <summary>
/// The coordinator's pages for calls and reviewers, posted as a browser does (CSRF field and cookie): a reviewer and a
/// call made on the pages, the preview's dates, the call's public page, and closing it early.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CallPagesTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient browser = null!;
    HttpClient visitor = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        visitor = await host.StartAsync();
        browser = PrivacyFlow.NoRedirects(host, coordinator: true);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<HttpResponseMessage> PostAsync(string page, string action, Dictionary<string, string> fields)
    {
        fields["_csrf"] = await PrivacyFlow.CsrfAsync(browser, page);
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    static Dictionary<string, string> Call(string reviewer, string period = "P14D")
    {
        var tomorrowEvening = DateTime.Today.AddDays(1).AddHours(20).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return new()
        {
            [CallFields.Id] = "pagina-oproep",
            [CallFields.TitleNl] = "Buurt op de pagina",
            [CallFields.TitleEn] = "Neighbourhood on the page",
            [CallFields.DescriptionNl] = "Probeer samen iets nieuws.",
            [CallFields.DescriptionEn] = "Try something new together.",
            [CallFields.Fund] = "VSBfonds",
            [CallFields.Partners] = "LSA Bewoners",
            [CallFields.OpensAt] = DateTime.Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            [CallFields.ClosesAt] = tomorrowEvening,
            [CallFields.MaxBudget] = "8000",
            [CallFields.ApprovalsNeeded] = "1",
            [CallFields.ReviewersPerRound] = "1",
            [CallFields.Completion] = "quorum",
            [CallFields.ReviewPeriod] = period,
            [CallFields.ReviewReminderBefore] = "P2D",
            [CallFields.ReviewOverdueAfter] = "P1D",
            [CallFields.ReviewEscalateAfter] = "P3D",
            [CallFields.RevisionPeriod] = "P14D",
            [CallFields.RevisionMaxRounds] = "2",
            [CallFields.ProgressReports] = "1",
            [CallFields.ReportInterval] = "P60D",
            [CallFields.ReportReminderBefore] = "P7D",
            [CallFields.ReportOverdueAfter] = "P7D",
            [CallFields.ReportEscalateAfter] = "P14D",
            [CallFields.RetentionAfterCompleted] = "P24M",
            [CallFields.RetentionAfterClosed] = "P6M",
            ["panel-mode"] = "chosen",
            [CallFields.Panel] = reviewer,
            ["version"] = "0",
        };
    }

    [Fact]
    public async Task A_coordinator_makes_a_reviewer_and_a_call_on_the_pages_and_a_resident_applies_to_it()
    {
        var added = await PostAsync("/coordinator/reviewers", "/coordinator/reviewers/new/save",
            new() { [PanelCommands.Name] = "Eva Jansen", [PanelCommands.Email] = "eva@example.org", [PanelCommands.Organisations] = "", [PanelCommands.Language] = "nl" });
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);

        // A duration that does not parse: the form again, with the message beside the field and every value kept.
        var wrong = await PostAsync("/coordinator/calls/new", "/coordinator/calls/new/save", Call("eva-jansen", "twee weken").With("intent", "save"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("&quot;twee weken&quot; is geen duur", page, StringComparison.Ordinal);
        Assert.Contains("Buurt op de pagina", page, StringComparison.Ordinal);

        // The preview shows the dates one application would meet, and saves nothing.
        var preview = await PostAsync("/coordinator/calls/new", "/coordinator/calls/new/save", Call("eva-jansen").With("intent", "preview"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var due = DateTimeOffset.Now.AddDays(14);
        Assert.Contains(due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/oproep/pagina-oproep", UriKind.Relative))).StatusCode);

        var saved = await PostAsync("/coordinator/calls/new", "/coordinator/calls/new/save", Call("eva-jansen").With("intent", "save"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains("Buurt op de pagina", await visitor.GetStringAsync(new Uri("/oproep/pagina-oproep", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("/oproep/pagina-oproep", await visitor.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var response = await visitor.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "pagina-oproep").ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await CallApi.ReadAsync(response))["id"]!.GetValue<string>();
        Assert.Equal("eva@example.org", Assert.Single(await host.WaitForKindAsync(id, "ReviewInvitation", 1)).To);

        // Closing it early takes it off the form at once.
        var closed = await PostAsync("/coordinator/calls/pagina-oproep", "/coordinator/calls/pagina-oproep/close", []);
        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        Assert.DoesNotContain("/oproep/pagina-oproep", await visitor.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        // Without the form's token nothing changes.
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = new string('b', 43) });
        Assert.NotEqual(HttpStatusCode.SeeOther, (await browser.PostAsync(new Uri("/coordinator/calls/pagina-oproep/open", UriKind.Relative), forged)).StatusCode);
    }
}

static class FieldsExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }
}
