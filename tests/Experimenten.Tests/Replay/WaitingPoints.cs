using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Replay;

/// <summary>
/// Drives applications through the public contract (form, links in the emails, the coordinator API) to each
/// kind of point where an instance waits for months: for recording histories and for scanning them. The
/// call <c>replay</c> is the test seeds' with long periods, so nothing moves on while a point is recorded;
/// its report reminder comes at once (reminderBefore longer than the interval), which mails the report link.
/// </summary>
public sealed class WaitingPoints(SelfHostFactory host, HttpClient client)
{
    public const string Call = "replay";

    /// <summary>Every point, in the order of a life; each is a fresh application brought there.</summary>
    public static readonly string[] All =
    [
        "screened", "one-decision", "changes-requested", "revision-in", "approved", "report-sent", "report-changes",
        "deadline-extended", "withdrawn", "rejected", "completed",
    ];

    /// <summary>Test seeds with the <see cref="Call"/> call added; for <see cref="SelfHostFactory"/>'s Seeds:Path.</summary>
    public static string Seeds() => TestSeeds.CopyWith(calls =>
    {
        var call = JsonNode.Parse(calls.Call("demo").ToJsonString())!;
        call["id"] = Call;
        call["review"]!["period"] = "P28D";
        call["review"]!["reminderBefore"] = "P3D";
        call["review"]!["overdueAfter"] = "P3D";
        call["review"]!["escalateAfter"] = "P7D";
        call["revision"] = new JsonObject { ["period"] = "P21D", ["maxRounds"] = 3 };
        call["monitoring"] = new JsonObject { ["progressReports"] = 0, ["interval"] = "P30D", ["reminderBefore"] = "P40D", ["overdueAfter"] = "P7D", ["escalateAfter"] = "P14D" };
        call["retention"] = new JsonObject { ["afterCompleted"] = "P24M", ["afterClosed"] = "P6M" };
        calls.Add(call);
    });

    /// <summary>A fresh application brought to <paramref name="point"/>, its instances quiet.</summary>
    public async Task<string> BringToAsync(string point)
    {
        var id = await SubmitAsync();
        var round1 = await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 1);
        switch (point)
        {
            case "screened":
                break;
            case "one-decision":
                await DecideAsync(round1[0], "approve", "Helder plan.");
                await WaitForLineAsync(id, "Decision");
                break;
            case "changes-requested":
                await RequestChangesAsync(id, round1);
                break;
            case "revision-in":
                await ReviseAsync(id, await RequestChangesAsync(id, round1));
                break;
            case "approved":
                await ApproveAsync(id, round1);
                break;
            case "report-sent":
                await SendReportAsync(id, await ApproveAsync(id, round1));
                break;
            case "report-changes":
                await SendReportAsync(id, await ApproveAsync(id, round1));
                await CoordinatorAsync($"reports/1/changes", new { comment = "Schrijf meer over de taakverdeling." });
                await host.WaitForKindAsync(id, "ReportChangesRequested", 2);
                break;
            case "deadline-extended":
                await ApproveAsync(id, round1);
                await CoordinatorAsync("deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(60), reason = "De werkgroep is op vakantie." });
                await host.WaitForKindAsync(id, "DeadlineMoved", 2);
                break;
            case "withdrawn":
                var token = await host.StatusTokenAsync(id, "resident");
                var withdraw = await client.PostAsync(new Uri($"/api/applications/{id}/withdraw?token={token}", UriKind.Relative), JsonContent.Create(new { reason = "De school gaat toch niet dicht." }));
                Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
                await host.WaitForKindAsync(id, "Withdrawn", 2);
                break;
            case "rejected":
                await DecideAsync(round1[0], "reject", "Past niet bij de oproep.");
                await DecideAsync(round1[1], "reject", "Te weinig samenwerking.");
                await host.WaitForKindAsync(id, "Rejected", 2);
                break;
            case "completed":
                await SendReportAsync(id, await ApproveAsync(id, round1));
                await CoordinatorAsync("reports/1/accept", new { comment = "Mooi verslag." });
                await host.WaitForKindAsync(id, "Completed", 2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(point), point, "not a waiting point");
        }

        await DurableHistory.WaitQuietAsync(host, id);
        return id;

        Task<HttpResponseMessage> CoordinatorAsync(string action, object body) =>
            host.CoordinatorClient().PostAsync(new Uri($"/api/coordinator/applications/{id}/{action}", UriKind.Relative), JsonContent.Create(body))
                .ContinueWith(t => { Assert.Equal(HttpStatusCode.Accepted, t.Result.StatusCode); return t.Result; }, TaskScheduler.Default);
    }

    async Task<string> SubmitAsync()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", Call).ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    async Task DecideAsync(Email.OutboxMessage invitation, string decision, string comment)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment });
        var response = await client.PostAsync(SelfHostFactory.Local(invitation.Links.Single(l => l.Contains("/review/", StringComparison.Ordinal))), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    async Task<IReadOnlyList<Email.OutboxMessage>> RequestChangesAsync(string id, IReadOnlyList<Email.OutboxMessage> round1)
    {
        await DecideAsync(round1[0], "changes", "Vertel meer over wie wat doet.");
        return await host.WaitForKindAsync(id, "ChangesRequested", 2);
    }

    async Task ReviseAsync(string id, IReadOnlyList<Email.OutboxMessage> asked)
    {
        var link = SelfHostFactory.Local(asked[0].Links.Single(l => l.Contains("/revision/", StringComparison.Ordinal)));
        using var revision = new MultipartFormDataContent { { new StringContent("Anna regelt de sleutels, Bram de vrijwilligers."), "text" } };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(link, revision)).StatusCode);
        await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 2);
    }

    async Task<IReadOnlyList<Email.OutboxMessage>> ApproveAsync(string id, IReadOnlyList<Email.OutboxMessage> round1)
    {
        await DecideAsync(round1[0], "approve", "");
        await DecideAsync(round1[1], "approve", "Goed plan.");
        await host.WaitForKindAsync(id, "Approved", 2);
        return await host.WaitForKindAsync(id, "ReportDueSoon", 2, round: 1);
    }

    async Task SendReportAsync(string id, IReadOnlyList<Email.OutboxMessage> due)
    {
        var link = SelfHostFactory.Local(due[0].Links.Single(l => l.Contains("/report/", StringComparison.Ordinal)));
        using var report = new MultipartFormDataContent { { new StringContent("We leerden taken eerlijk te verdelen."), "text" } };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(link, report)).StatusCode);
        await host.WaitForKindAsync(id, "ReportToAssess", 1, round: 1);
    }

    async Task WaitForLineAsync(string id, string kind) =>
        await Testing.Wait.UntilAsync(
            async () => (await host.ReadModel.GetTimelineAsync(id, default)).Any(l => l.Kind == kind),
            TimeSpan.FromSeconds(30),
            $"a {kind} line for {id}");
}
