using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Privacy;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Privacy;

/// <summary>A coordinator's export (AVG art. 15) holds the form, the timeline and the plan file, and no link that would let its reader act.</summary>
[Collection(StorageCollection.Name)]
public sealed class ExportTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_export_holds_the_form_the_timeline_the_mail_and_the_plan_file_and_no_link_tokens()
    {
        var app = await PrivacyFlow.SubmitAsync(client);
        var other = await PrivacyFlow.SubmitAsync(client);
        await host.WaitForKindAsync(app.Id, "ReviewInvitation", 3);

        var response = await host.CoordinatorClient().PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/export", UriKind.Relative), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"experimenten-{app.Id}.zip", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "no cache keeps a copy of an export");

        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("application.json", names);
        var plan = Assert.Single(names, n => n.StartsWith("files/plans/v1/", StringComparison.Ordinal));
        using (var file = new MemoryStream())
        {
            await zip.GetEntry(plan)!.Open().CopyToAsync(file);
            Assert.Equal(TestApplication.Pdf(), file.ToArray());
        }

        string json;
        using (var reader = new StreamReader(zip.GetEntry("application.json")!.Open()))
        {
            json = await reader.ReadToEndAsync();
        }

        var document = JsonDocument.Parse(json).RootElement;
        var row = Assert.Single(document.GetProperty("applications").EnumerateArray().ToList());
        Assert.Equal(app.ResidentName, row.GetProperty("ResidentName").GetString());
        Assert.Equal(app.WelfareEmail, row.GetProperty("WelfareEmail").GetString());
        Assert.Equal(app.Title, row.GetProperty("Title").GetString());
        Assert.Equal(app.PlanText, row.GetProperty("PlanText").GetString());
        Assert.Equal(Consent.Version, row.GetProperty("ConsentVersion").GetString());
        Assert.Contains(document.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("Kind").GetString() == "Submitted");
        Assert.Equal(3, document.GetProperty("reviews").GetArrayLength());
        Assert.Contains(document.GetProperty("outbox").EnumerateArray(), m => m.GetProperty("To").GetString() == app.ResidentEmail);

        // The mail is in it, its links are not: a reviewer's link in an applicant's hands would decide their own review.
        Assert.Contains(ApplicationExport.LinkRemoved, json, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", json);
        Assert.DoesNotContain(other.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ResidentEmail, json, StringComparison.Ordinal);
        Assert.DoesNotContain(SelfHostFactory.SigningKey, json, StringComparison.Ordinal);

        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.Exported], 10, default);
        Assert.Equal(SelfHostFactory.CoordinatorUser, Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task The_detail_page_exports_with_its_csrf_token_only_and_the_status_link_cannot()
    {
        var app = await PrivacyFlow.SubmitAsync(client, withFile: false);
        var page = PrivacyFlow.NoRedirects(host, coordinator: true);
        var csrf = await PrivacyFlow.CsrfAsync(page, $"/coordinator/applications/{app.Id}");

        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = new string('a', 43) }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await page.PostAsync(new Uri($"/coordinator/applications/{app.Id}/export", UriKind.Relative), forged)).StatusCode);
        }

        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf }))
        {
            var export = await page.PostAsync(new Uri($"/coordinator/applications/{app.Id}/export", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        }

        // An applicant's status link opens their own page only; the coordinator's routes want a sign-in.
        var token = await host.StatusTokenAsync(app.Id, "resident");
        var anonymous = await client.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/export?token={token}", UriKind.Relative), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri($"/status/{token}/export", UriKind.Relative), new StringContent(""))).StatusCode);

        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.Exported], 10, default);
        Assert.Single(audit);
        var detail = WebUtility.HtmlDecode(await page.GetStringAsync(new Uri($"/coordinator/applications/{app.Id}", UriKind.Relative)));
        Assert.Contains($"geëxporteerd ({SelfHostFactory.CoordinatorUser})", detail, StringComparison.Ordinal);
    }
}
