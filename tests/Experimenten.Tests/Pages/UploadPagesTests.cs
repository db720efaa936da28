using System.Net;
using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Pages;
using Experimenten.Pages.Applicant;
using Experimenten.Storage;
using Experimenten.Tests.Infrastructure;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Experimenten.Tests.Pages;

/// <summary>The applicant's upload pages (revised plan, report): the form, its errors, and the statuses of its refusals.</summary>
public sealed class UploadPagesTests
{
    static readonly ApplicationView View = new(
        "exp-0001", "fast", "Buurttuin <aan> de Linde", "Buurttuin", Stage.ChangesRequested, WaitingOn.Applicant, null, Languages.Dutch,
        new Contact("Anna", "anna@example.org"), "Welzijn Oost", new Contact("Bram", "bram@example.org"), "Utrecht", 7500,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "Een tuin", 1, null, new PlanRef(1, null, "Plan"));

    [Fact]
    public void Each_refusal_answers_with_the_status_the_page_always_had()
    {
        using var services = PageServices.Build();
        var refusals = new UploadRefusals(services.GetRequiredService<IStringLocalizer<ApplicantText>>());

        Assert.Equal(StatusCodes.Status404NotFound, Http.OutcomeResults.StatusOf(refusals.Link(LinkCheckResult.Invalid, Languages.Dutch)));
        Assert.Equal(StatusCodes.Status410Gone, Http.OutcomeResults.StatusOf(refusals.Link(LinkCheckResult.Expired, Languages.Dutch)));
        Assert.Equal(StatusCodes.Status409Conflict, Http.OutcomeResults.StatusOf(refusals.NotExpected(UploadKind.Report, View.Title, 2, Languages.Dutch)));
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, Http.OutcomeResults.StatusOf(refusals.FileType(Languages.Dutch)));
        Assert.Equal(StatusCodes.Status400BadRequest, Http.OutcomeResults.StatusOf(refusals.Unreadable(Languages.Dutch)));
        Assert.Equal(StatusCodes.Status400BadRequest, Http.OutcomeResults.StatusOf(refusals.Empty(Languages.Dutch)));
        Assert.Equal(StatusCodes.Status400BadRequest, Http.OutcomeResults.StatusOf(refusals.TextInvalid(Languages.Dutch)));
        Assert.Equal(StatusCodes.Status403Forbidden, Http.OutcomeResults.StatusOf(refusals.Csrf(Languages.Dutch)));

        Assert.Equal("Voor \"Buurttuin <aan> de Linde\" wordt nu geen verslag 2 verwacht: het is al binnen, of de aanvraag is in een andere fase.",
            refusals.NotExpected(UploadKind.Report, View.Title, 2, Languages.Dutch).Detail);
        Assert.Equal("No revised plan is expected for \"Buurttuin <aan> de Linde\" now: it has arrived already, or the application is at another stage.",
            refusals.NotExpected(UploadKind.Revision, View.Title, 1, Languages.English).Detail);
        Assert.NotNull(refusals.FileType(Languages.Dutch).ErrorsFor("file"));
        Assert.NotNull(refusals.Empty(Languages.Dutch).ErrorsFor("text"));
    }

    [Fact]
    public async Task The_revision_form_shows_the_reviewers_questions_and_ties_a_file_error_to_the_file_field()
    {
        using var services = PageServices.Build();
        var pages = services.GetRequiredService<PageRenderer>();
        var refusal = new UploadRefusals(services.GetRequiredService<IStringLocalizer<ApplicantText>>()).FileType(Languages.Dutch);
        var slot = new UploadSlot(View, UploadKind.Revision, 1, ["Wie beheert de <sleutels>?"], Languages.Dutch);
        var html = await pages.RenderAsync<UploadPage>(Languages.Dutch, new Dictionary<string, object?>
        {
            [nameof(UploadPage.Slot)] = slot,
            [nameof(UploadPage.Action)] = "/revision/abc?lang=nl",
            [nameof(UploadPage.Refusal)] = refusal,
            [nameof(UploadPage.Typed)] = "Anna <beheert>",
        }, csrfToken: new string('a', 43));

        Assert.Contains("<title>Fout: Buurttuin &lt;aan&gt; de Linde · Experimenten</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Het aangepaste plan sturen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"comments\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>Wie beheert de &lt;sleutels&gt;?</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#file\">Stuur een PDF", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/revision/abc?lang=nl\" enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"{Csrf.FieldName}\" value=\"{new string('a', 43)}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"file-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"file-hint file-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Of een bestand (niet verplicht)", html, StringComparison.Ordinal);
        Assert.Contains(">Anna &lt;beheert&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"text-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_form_names_the_report_and_asks_no_questions()
    {
        using var services = PageServices.Build();
        var pages = services.GetRequiredService<PageRenderer>();
        var slot = new UploadSlot(View with { Stage = Stage.Monitoring }, UploadKind.Report, 2, [], Languages.English);
        var html = await pages.RenderAsync<UploadPage>(Languages.English, new Dictionary<string, object?>
        {
            [nameof(UploadPage.Slot)] = slot,
            [nameof(UploadPage.Action)] = "/report/abc",
        });

        Assert.Contains("<h1>Send report 2</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"comments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notice-error", html, StringComparison.Ordinal);
        Assert.Contains("Or a file (optional)", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"nl\" href=\"?lang=nl\"", html, StringComparison.Ordinal);
    }
}

/// <summary>Upload links that ask for nothing: a page that says so, with the status and headers of a signed link.</summary>
[Collection(StorageCollection.Name)]
public sealed class UploadLinkTests(Azurite azurite)
{
    [Fact]
    public async Task A_forged_unknown_or_expired_upload_link_gets_a_page_with_its_status_and_stores_nothing()
    {
        await using var host = new SelfHostFactory(azurite);
        var client = await host.StartAsync();
        var signer = host.Services.GetRequiredService<LinkSigner>();
        var unknown = signer.Sign(LinkPurpose.Revision, "exp-9999", LinkSubjects.Resident, 1, TimeSpan.FromDays(1));
        var expired = signer.Sign(LinkPurpose.Report, "exp-9999", LinkSubjects.Resident, 1, TimeSpan.FromSeconds(-1));

        foreach (var (path, status) in new[]
        {
            ("/revision/v1.forged.token", HttpStatusCode.NotFound),
            ("/revision/" + Uri.EscapeDataString(unknown), HttpStatusCode.NotFound),
            ("/report/" + Uri.EscapeDataString(expired), HttpStatusCode.Gone),
        })
        {
            var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(status, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("Deze link werkt niet (meer)", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var upload = new MultipartFormDataContent { { new StringContent("Een verslag"), "text" } };
            var posted = await client.PostAsync(new Uri(path + "?lang=en", UriKind.Relative), upload);
            Assert.Equal(status, posted.StatusCode);
            Assert.Contains("This link does not work (any more)", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
