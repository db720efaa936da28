using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Lifecycle;

/// <summary>
/// The reminder ladder and the coordinator's hold on deadlines, with the test call <c>ladder</c>:
/// due 10 s after the invitation, a reminder 6 s before, overdue 3 s after, escalation 6 s after.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DeadlineTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;
    HttpClient coordinator = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
        coordinator = host.CoordinatorClient();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<string> SubmitAsync(string call = "ladder", string welfare = "Welzijn Oost")
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", call).With("welfareOrganisation", welfare).ToContent());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Reviewers_who_do_not_decide_get_a_reminder_before_at_and_after_the_deadline_then_the_coordinator_is_told()
    {
        var id = await SubmitAsync();
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);

        var soon = await host.WaitForKindAsync(id, "ReviewReminderSoon", 3, TimeSpan.FromSeconds(30));
        var due = await host.WaitForKindAsync(id, "ReviewReminderDue", 3, TimeSpan.FromSeconds(30));
        var overdue = await host.WaitForKindAsync(id, "ReviewOverdue", 3, TimeSpan.FromSeconds(30));
        var escalation = Assert.Single(await host.WaitForKindAsync(id, "ReviewEscalation", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal("coordinator@example.org", escalation.To);
        Assert.Contains("Annelies Bakker", escalation.Text, StringComparison.Ordinal);

        // The coordinator opens the application's page from the email, not the API's JSON.
        var open = Assert.Single(escalation.Links);
        Assert.EndsWith($"/coordinator/applications/{id}", open, StringComparison.Ordinal);
        var page = await host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(SelfHostFactory.Local(open));
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.StartsWith("/coordinator/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.All(soon, m => Assert.StartsWith("Herinnering beoordeling", m.Subject, StringComparison.Ordinal));
        Assert.All(overdue, m => Assert.StartsWith("Beoordeling te laat", m.Subject, StringComparison.Ordinal));
        Assert.True(soon.Max(m => m.SentAt) <= due.Min(m => m.SentAt) && due.Max(m => m.SentAt) <= overdue.Min(m => m.SentAt), "the ladder runs in order");
    }

    [Fact]
    public async Task An_extended_deadline_shows_at_once_and_the_old_timer_never_fires()
    {
        var id = await SubmitAsync();
        await host.WaitForKindAsync(id, "ReviewReminderSoon", 3, TimeSpan.FromSeconds(30));

        var deadline = DateTimeOffset.UtcNow.AddHours(2);
        var response = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/deadline", UriKind.Relative),
            JsonContent.Create(new { deadline, reason = "Een beoordelaar is ziek" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // The list shows the new deadline straight away.
        var list = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/coordinator/applications?callId=ladder&pageSize=200", UriKind.Relative));
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(deadline.ToUnixTimeSeconds(), row.GetProperty("nextDeadline").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.False(row.GetProperty("overdue").GetBoolean());

        // Past the old due, overdue and escalation moments: nothing of the old ladder arrives.
        await Task.Delay(TimeSpan.FromSeconds(13));
        Assert.Equal(0, await host.CountKindAsync(id, "ReviewReminderDue"));
        Assert.Equal(0, await host.CountKindAsync(id, "ReviewOverdue"));
        Assert.Equal(0, await host.CountKindAsync(id, "ReviewEscalation"));
        var detail = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/coordinator/applications/{id}", UriKind.Relative));
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("text").GetString()!.Contains("Een beoordelaar is ziek", StringComparison.Ordinal));
        Assert.Equal(deadline.ToUnixTimeSeconds(), detail.GetProperty("nextDeadline").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Deadline_requests_are_checked_and_coordinators_must_sign_in()
    {
        var id = await SubmitAsync("fast");
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        var uri = new Uri($"/api/coordinator/applications/{id}/deadline", UriKind.Relative);

        var anonymous = await client.PostAsync(uri, JsonContent.Create(new { deadline = DateTimeOffset.UtcNow.AddDays(1), reason = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // No Basic challenge: a browser never prompts for, nor keeps, credentials it could send for another site.
        Assert.Empty(anonymous.Headers.WwwAuthenticate);
        using var wrong = host.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("coord:wrong"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/api/coordinator/applications", UriKind.Relative))).StatusCode);

        var past = await coordinator.PostAsync(uri, JsonContent.Create(new { deadline = DateTimeOffset.UtcNow.AddDays(-1), reason = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("deadline", out _));

        var noReason = await coordinator.PostAsync(uri, JsonContent.Create(new { deadline = DateTimeOffset.UtcNow.AddDays(1) }));
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var garbage = await coordinator.PostAsync(uri, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(new Uri("/api/coordinator/applications/exp-nothere/remind", UriKind.Relative), JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task No_revision_before_its_deadline_means_lapsed_with_an_email_saying_so()
    {
        var id = await SubmitAsync();
        var invitation = (await host.WaitForKindAsync(id, "ReviewInvitation", 3))[0];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "changes", ["comment"] = "Graag een begroting." });
        await client.PostAsync(SelfHostFactory.Local(invitation.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))), form);

        await host.WaitForKindAsync(id, "ChangesRequested", 2);
        var lapsed = await host.WaitForKindAsync(id, "Lapsed", 2, TimeSpan.FromSeconds(30));
        Assert.All(lapsed, m => Assert.StartsWith("Aanvraag vervallen", m.Subject, StringComparison.Ordinal));
        await Wait.UntilAsync(async () => (await host.ReadModel.GetAsync(id, default))!.Stage == Domain.Stage.Lapsed, TimeSpan.FromSeconds(10), "stage Lapsed");
    }

    [Fact]
    public async Task The_list_filters_by_call_stage_and_overdue_and_pages_with_a_continuation_token()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAsync("fast"));
        }

        foreach (var id in ids)
        {
            await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        }

        var seen = new HashSet<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var uri = $"/api/coordinator/applications?callId=fast&stage=InReview&pageSize=2" + (continuation is null ? "" : $"&continuationToken={Uri.EscapeDataString(continuation)}");
            var page = await coordinator.GetFromJsonAsync<JsonElement>(new Uri(uri, UriKind.Relative));
            foreach (var row in page.GetProperty("items").EnumerateArray())
            {
                Assert.Equal("fast", row.GetProperty("callId").GetString());
                Assert.Equal("InReview", row.GetProperty("stage").GetString());
                Assert.Equal("reviewers", row.GetProperty("waitingOn").GetString());
                seen.Add(row.GetProperty("id").GetString()!);
            }

            continuation = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (continuation is not null && pages < 20);

        Assert.Superset(ids.ToHashSet(), seen);
        Assert.True(pages >= 2, "three rows in pages of two take two pages");

        // The dashboard pages the same way: its "next page" link carries the token.
        var onPages = new HashSet<string>();
        string? path = "/coordinator?callId=fast&stage=InReview&pageSize=2";
        for (var n = 0; n < 20 && path is not null; n++)
        {
            var html = await coordinator.GetStringAsync(new Uri(path, UriKind.Relative));
            onPages.UnionWith(Regex.Matches(html, "data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            var next = Regex.Match(html, "<a href=\"(/coordinator\\?[^\"]*continuationToken=[^\"]*)\">Volgende pagina</a>");
            path = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.Superset(ids.ToHashSet(), onPages);
        var overdue = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/coordinator/applications?callId=fast&overdue=true", UriKind.Relative));
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), r => ids.Contains(r.GetProperty("id").GetString()!));
        var badStage = await coordinator.GetAsync(new Uri("/api/coordinator/applications?stage=Nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
        var badToken = await coordinator.GetAsync(new Uri("/api/coordinator/applications?continuationToken=made-up", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.Contains("continuationToken", await badToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
