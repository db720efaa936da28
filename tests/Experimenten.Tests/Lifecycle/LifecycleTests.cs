using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Lifecycle;

/// <summary>
/// Whole lifecycles on the self-host (Azure Storage backend on Azurite) with the test call <c>fast</c>,
/// whose durations are seconds: everything a resident, reviewer and coordinator do, through the links
/// in the emails.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class LifecycleTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<string> SubmitAsync(string call, string welfare = "Welzijn De Brug")
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative),
            new TestApplication().With("callId", call).With("welfareOrganisation", welfare).ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    static string DecisionLink(Email.OutboxMessage invitation) => invitation.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal));

    async Task<HttpResponseMessage> DecideAsync(Email.OutboxMessage invitation, string decision, string comment = "")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment });
        return await client.PostAsync(SelfHostFactory.Local(DecisionLink(invitation)), form);
    }

    [Fact]
    public async Task Changes_requested_then_a_revision_then_approval_then_two_reports_accepted_completes_the_experiment()
    {
        var id = await SubmitAsync("fast");

        // Round 1: three reviewers invited, never the one who works for the applicant's welfare organisation.
        var invitations = await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 1);
        Assert.DoesNotContain(invitations, m => m.To.Contains("joost", StringComparison.Ordinal));
        Assert.All(invitations, m => Assert.Contains(m.Links, l => l.Contains("/plan/", StringComparison.Ordinal)));

        // A GET on a decision link (a mail scanner) changes nothing.
        foreach (var invitation in invitations)
        {
            var page = await client.GetAsync(SelfHostFactory.Local(DecisionLink(invitation)));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("name=\"decision\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var plan = await client.GetAsync(SelfHostFactory.Local(invitations[0].Links.Single(l => l.Contains("/plan/", StringComparison.Ordinal))));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        await Task.Delay(1000);
        Assert.Equal(Domain.Stage.InReview, (await host.ReadModel.GetAsync(id, default))!.Stage);
        Assert.Equal(0, await host.CountKindAsync(id, "ChangesRequested"));

        // One reviewer asks for changes: the round closes and both contacts get the comment and an upload link.
        var changes = await DecideAsync(invitations[0], "changes", "Vertel meer over wie wat doet.");
        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        var asked = await host.WaitForKindAsync(id, "ChangesRequested", 2);
        Assert.All(asked, m => Assert.Contains("Vertel meer over wie wat doet.", m.Text, StringComparison.Ordinal));

        // A decision after the round closed is refused clearly.
        var late = await DecideAsync(invitations[1], "approve");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("gesloten", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The applicant uploads a revised plan through the emailed link.
        var revisionLink = SelfHostFactory.Local(asked[0].Links.Single(l => l.Contains("/revision/", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(revisionLink)).StatusCode);
        using (var revision = new MultipartFormDataContent { { new StringContent("Anna regelt de sleutels, Bram de vrijwilligers."), "text" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(revisionLink, revision)).StatusCode);
        }

        // Round 2: two approvals decide.
        var round2 = await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 2);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(round2[0], "approve")).StatusCode);
        var again = await DecideAsync(round2[0], "reject", "toch niet");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("goedkeuren", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(round2[1], "approve")).StatusCode);
        var approved = await host.WaitForKindAsync(id, "Approved", 2);
        Assert.All(approved, m => Assert.Contains("€ 7.500", m.Text, StringComparison.Ordinal));
        Assert.Equal(["anna@example.org", "bram@example.org"], approved.Select(m => m.To).Order());

        // Monitoring: a report is asked for, sent through its link and accepted by the coordinator; twice.
        var coordinator = host.CoordinatorClient();
        for (var n = 1; n <= 2; n++)
        {
            var due = await host.WaitForKindAsync(id, "ReportDueSoon", 2, TimeSpan.FromSeconds(60), round: n);
            var reportLink = SelfHostFactory.Local(due[0].Links.Single(l => l.Contains("/report/", StringComparison.Ordinal)));
            using (var report = new MultipartFormDataContent { { new StringContent($"Verslag {n}: we leerden taken eerlijk te verdelen."), "text" } })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(reportLink, report)).StatusCode);
            }

            await host.WaitForKindAsync(id, "ReportToAssess", 1, round: n);
            var accept = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/reports/{n}/accept", UriKind.Relative), JsonContent.Create(new { comment = "Mooi" }));
            Assert.Equal(HttpStatusCode.Accepted, accept.StatusCode);
            await host.WaitForKindAsync(id, "ReportAccepted", 2, round: n);
        }

        var completed = await host.WaitForKindAsync(id, "Completed", 2);
        Assert.Equal(2, completed.Count);
        var view = await host.ReadModel.GetAsync(id, default);
        Assert.Equal(Domain.Stage.Completed, view!.Stage);

        // Events for a finished application are refused with a clear answer.
        var tooLate = await coordinator.PostAsync(new Uri($"/api/coordinator/applications/{id}/cancel", UriKind.Relative), JsonContent.Create(new { reason = "test" }));
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        var detail = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/coordinator/applications/{id}", UriKind.Relative));
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "Refused");
        Assert.Equal(2, detail.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task Two_rejections_reject_the_application_and_the_comments_reach_both_contacts()
    {
        var id = await SubmitAsync("fast", welfare: "Welzijn Oost");
        var invitations = await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(invitations[0], "reject", "Te weinig bewoners betrokken.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(invitations[1], "reject", "Geen leervraag.")).StatusCode);

        var rejected = await host.WaitForKindAsync(id, "Rejected", 2);
        Assert.All(rejected, m => Assert.Contains("Te weinig bewoners betrokken.", m.Text, StringComparison.Ordinal));
        Assert.Equal(Domain.Stage.Rejected, (await host.ReadModel.GetAsync(id, default))!.Stage);
    }

    [Fact]
    public async Task A_forged_or_expired_decision_link_gets_a_page_that_says_whom_to_contact()
    {
        var id = await SubmitAsync("fast");
        var invitation = (await host.WaitForKindAsync(id, "ReviewInvitation", 3))[0];
        var link = DecisionLink(invitation);

        var forged = await client.GetAsync(SelfHostFactory.Local(link[..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("coordinator@example.org", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signer = host.Services.GetService(typeof(Links.LinkSigner)) as Links.LinkSigner;
        var expired = signer!.Sign(new Links.LinkToken(Links.LinkPurpose.Review, id, "annelies-bakker", 1, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var page = await client.GetAsync(new Uri($"/review/{expired}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("verlopen", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsync(new Uri($"/review/{expired}", UriKind.Relative), form)).StatusCode);

        // A status token is no review token: purpose-bound.
        var status = signer.Sign(Links.LinkPurpose.Status, id, "annelies-bakker", 1, TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/review/{status}", UriKind.Relative))).StatusCode);
    }
}
