using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Privacy;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Privacy;

/// <summary>A contact asks for their data through the status link; the coordinator sees it with its legal deadline and marks it handled.</summary>
[Collection(StorageCollection.Name)]
public sealed class DataRequestTests(Azurite azurite) : IAsyncLifetime
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
    public async Task A_data_request_shows_on_the_dashboard_with_its_due_date_once_a_day_and_is_handled_with_an_audit_line()
    {
        var app = await PrivacyFlow.SubmitAsync(client, withFile: false);
        var token = await host.StatusTokenAsync(app.Id, "welfare");
        var status = PrivacyFlow.NoRedirects(host, coordinator: false);
        var csrf = await PrivacyFlow.CsrfAsync(status, $"/status/{token}");
        Assert.Contains("Mijn gegevens opvragen", await status.GetStringAsync(new Uri($"/status/{token}", UriKind.Relative)), StringComparison.Ordinal);

        for (var i = 0; i < 2; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf });
            var posted = await status.PostAsync(new Uri($"/status/{token}/data-request", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
            var after = await status.GetStringAsync(SelfHostFactory.Local("http://localhost" + posted.Headers.Location!.OriginalString));
            Assert.Contains("binnen een maand", after, StringComparison.Ordinal);
        }

        // Twice the same day: one request, one email to the fund office.
        var coordinator = host.CoordinatorClient();
        var open = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/coordinator/data-requests", UriKind.Relative));
        var request = Assert.Single(open.EnumerateArray().ToList());
        Assert.Equal(app.Id, request.GetProperty("id").GetString());
        Assert.Equal("welfare", request.GetProperty("role").GetString());
        var requestedAt = request.GetProperty("requestedAt").GetDateTimeOffset();
        var due = request.GetProperty("due").GetDateTimeOffset();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        Assert.Equal(TimeZoneInfo.ConvertTime(requestedAt, zone).AddMonths(1).Date, TimeZoneInfo.ConvertTime(due, zone).Date);
        Assert.False(request.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, await host.CountKindAsync(app.Id, "DataRequested"));
        Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.DataRequested], 10, default));

        // The dashboard lists it with the deadline as the fund reads it.
        var dashboard = await coordinator.GetStringAsync(new Uri("/coordinator", UriKind.Relative));
        Assert.Contains("Verzoeken om gegevens", dashboard, StringComparison.Ordinal);
        Assert.Contains(app.Title, dashboard, StringComparison.Ordinal);
        Assert.Contains(due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), dashboard, StringComparison.Ordinal);

        var key = request.GetProperty("requestKey").GetString()!;
        var handled = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/data-requests/{key}/handled", UriKind.Relative), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Accepted, handled.StatusCode);
        Assert.Empty((await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/coordinator/data-requests", UriKind.Relative))).EnumerateArray());
        var line = Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync(app.Id, [AuditAction.DataRequestHandled], 10, default));
        Assert.Equal(SelfHostFactory.CoordinatorUser, line.Actor);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{app.Id}/data-requests/{key}/handled", UriKind.Relative), JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task The_submitters_view_only_link_cannot_ask_and_a_forged_form_changes_nothing()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "fast").ToContent());
        var submitted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = submitted.GetProperty("id").GetString()!;
        var viewOnly = new Uri(submitted.GetProperty("statusUrl").GetString()!).Query.Split("token=")[1];
        var status = PrivacyFlow.NoRedirects(host, coordinator: false);
        var page = await status.GetStringAsync(new Uri($"/status/{viewOnly}", UriKind.Relative));
        Assert.DoesNotContain("Mijn gegevens opvragen", page, StringComparison.Ordinal);

        // The view-only page has no form; a genuine token from the contact's page, posted with the view-only link.
        var token = await host.StatusTokenAsync(id, "resident");
        var csrf = await PrivacyFlow.CsrfAsync(status, $"/status/{token}");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await status.PostAsync(new Uri($"/status/{viewOnly}/data-request", UriKind.Relative), form)).StatusCode);
        }

        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = new string('b', 43) }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await status.PostAsync(new Uri($"/status/{token}/data-request", UriKind.Relative), forged)).StatusCode);
        }

        Assert.Empty(await host.Services.GetRequiredService<DataRequests>().ListAsync(id, default));
    }
}
