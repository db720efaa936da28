using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Xunit.Abstractions;

namespace Experimenten.UpgradeTests;

/// <summary>
/// Issue 10: upgrading the product with applications in flight breaks none of them. The previous release
/// (the last entry of releases.json) is built from its commit and run on a fresh Azurite until ten applications
/// wait at every kind of point a lifecycle waits at; it is stopped (SIGTERM), started once more for one action and
/// killed with SIGKILL right after it; then this checkout's build takes over the same storage and drives each
/// application to its end. Every step goes through the HTTP contract only, so the test holds across releases whose
/// internals differ; a release whose orchestrations cannot replay the old histories fails here.
/// </summary>
public sealed class UpgradeTests(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan Step = TimeSpan.FromSeconds(90);

    readonly Azurite azurite = new();
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly string dataPath = Path.Combine(Path.GetTempPath(), "experimenten-upgrade-" + Guid.NewGuid().ToString("N")[..10]);
    SelfHostProcess? host;

    public Task InitializeAsync() => azurite.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await azurite.DisposeAsync();
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    void Log(string line) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}");

    /// <summary>One application: what the old build does to it, what the new build does to finish it, and how it ends.</summary>
    sealed record Case(string Name, string Waiting, string Final, string[] Emails, Func<Site, Application, Task> Before, Func<Site, Application, Task> After)
    {
        public Application App { get; set; } = null!;
    }

    sealed record Application(string Id, string StatusUrl);

    [Fact]
    public async Task Applications_waiting_at_every_point_under_the_previous_release_finish_under_this_build()
    {
        var release = Releases.Previous();
        Log($"previous release: {release.Version}, commit {release.Commit}, {release.Date:yyyy-MM-dd} (the last entry of releases.json)");
        var (oldBuild, buildTime) = await PreviousBuild.EnsureAsync(release, Log);

        host = new SelfHostProcess(azurite, new Dictionary<string, string>
        {
            ["Seeds__Path"] = Path.Combine(AppContext.BaseDirectory, "upgrade-seeds"),
            ["SelfHost__DataPath"] = dataPath,
            ["Links__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),

            // After the kill, messages the dead host had taken return after this (default 30 s).
            ["Durable__MessageVisibilityTimeout"] = "00:00:10",
        })
        {
            AppFolder = oldBuild,
        };
        var site = new Site(host, azurite, dataPath);
        var cases = Cases();

        // The previous release: every application to its waiting point.
        var started = clock.Elapsed;
        await host.StartAsync();
        Log($"previous release started in {(clock.Elapsed - started).TotalSeconds:F1} s on {host.BaseUrl}");
        await Task.WhenAll(cases.Select(async c =>
        {
            c.App = await Submit(site, c.Name);
            await c.Before(site, c.App);
            await site.WaitForStageAsync(c.App.Id, c.App.StatusUrl, c.Waiting, Step);
            Log($"{c.Name} ({c.App.Id}) waits in {c.Waiting}");
        }));

        // The coordinator moves a revision deadline last, so its timer is still running when the new build takes over.
        var extension = cases.Single(c => c.Name == "extension-granted");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(40);
        await site.CoordinatorPostAsync(extension.App.Id, "deadline", new { deadline, reason = "De penningmeester is op vakantie" });
        await site.WaitForMailAsync(extension.App.Id, "DeadlineMoved", 2);
        var mailBefore = await CountMailAsync(site, cases);

        // A clean stop, then the previous release once more for one action, killed right after it.
        started = clock.Elapsed;
        var clean = await host.StopAsync(TimeSpan.FromSeconds(45));
        Assert.True(clean, "the previous release did not stop within 45 s of SIGTERM\n" + site.Tail());
        Log($"previous release stopped by SIGTERM in {(clock.Elapsed - started).TotalSeconds:F1} s; {mailBefore} emails so far");
        await host.StartAsync();
        var killed = cases.Single(c => c.Name == "killed-after-a-decision");
        var invitations = await site.WaitForMailAsync(killed.App.Id, "ReviewInvitation", 3, round: 1);
        Assert.Equal(HttpStatusCode.OK, (await site.DecideAsync(invitations[1], "approve")).StatusCode);
        await host.KillAsync();
        Log("previous release restarted, took the second approval of killed-after-a-decision, and was killed (SIGKILL)");

        // This build on the same storage: every application to its end.
        host.AppFolder = Repo.Output("Experimenten.SelfHost");
        started = clock.Elapsed;
        var upgradedAt = DateTimeOffset.UtcNow;
        await host.StartAsync();
        Log($"this build started in {(clock.Elapsed - started).TotalSeconds:F1} s");
        await Task.WhenAll(cases.Select(async c =>
        {
            await c.After(site, c.App);
            await site.WaitForStageAsync(c.App.Id, c.App.StatusUrl, c.Final, Step);
            Log($"{c.Name} ({c.App.Id}) is {c.Final}");
        }));

        // Nothing left running or failed: every orchestration, sub-orchestrations included, completed; but for each
        // ended application's retention (from 1.0.0 on), which waits out the call's period on its timer.
        IReadOnlyList<(string Id, string Status, string Output)> instances = [];
        static bool Done((string Id, string Status, string Output) i) =>
            i.Status == "Completed" || (i.Id.EndsWith(":retention", StringComparison.Ordinal) && i.Status == "Running");
        await site.UntilAsync(async () => (instances = await site.InstancesAsync()).All(Done), Step,
            () => "every orchestration completes: " + string.Join(", ", instances.Where(i => !Done(i)).Select(i => $"{i.Id} {i.Status}")));
        Assert.All(cases, c => Assert.Contains(instances, i => i.Id == c.App.Id + ":retention"));
        Log($"{instances.Count} orchestration instances: all Completed, and each application's retention waiting");

        // Each application: its final stage in the coordinator's view too, and both contacts got every stage's email.
        foreach (var c in cases)
        {
            Assert.Equal(c.Final, await site.CoordinatorStageAsync(c.App.Id));
            var mail = await site.MailAsync(c.App.Id);
            foreach (var expected in c.Emails)
            {
                var (kind, round) = Parse(expected);
                var to = mail.Where(m => Site.Kind(m) == kind && (round is null || Site.Round(m) == round)).Select(Site.Recipient).Distinct().Order().ToArray();
                Assert.True(to.SequenceEqual(["resident", "welfare"]), $"{c.Name} ({c.App.Id}): both contacts get {expected}; sent to [{string.Join(", ", to)}]");
            }
        }

        var lapsed = (await site.MailAsync(extension.App.Id)).First(m => Site.Kind(m) == "Lapsed");
        Assert.True(lapsed.GetProperty("sentAt").GetDateTimeOffset() >= deadline.AddSeconds(-2), "the moved deadline's timer did not fire early");
        var approved = (await site.MailAsync(killed.App.Id)).First(m => Site.Kind(m) == "Approved").GetProperty("sentAt").GetDateTimeOffset();
        Log($"killed-after-a-decision: its approval went out {(approved >= upgradedAt ? "from this build, after the take-over" : "from the previous release, just before the kill")}");
        Log($"the moved deadline ({deadline:HH:mm:ss}) lapsed at {lapsed.GetProperty("sentAt").GetDateTimeOffset():HH:mm:ss}; this build took over at {upgradedAt:HH:mm:ss}");

        Assert.True(await host.StopAsync(TimeSpan.FromSeconds(45)), "this build did not stop within 45 s of SIGTERM");
        Log($"done: {cases.Count} applications, {instances.Count} orchestrations; the previous release's build took {buildTime.TotalSeconds:F0} s of this run");
    }

    static (string Kind, int? Round) Parse(string expected) =>
        expected.Split(' ') is [var kind, var round] ? (kind, int.Parse(round[1..], System.Globalization.CultureInfo.InvariantCulture)) : (expected, null);

    static async Task<int> CountMailAsync(Site site, List<Case> cases)
    {
        var count = 0;
        foreach (var c in cases)
        {
            count += (await site.MailAsync(c.App.Id)).Length;
        }

        return count;
    }

    static async Task<Application> Submit(Site site, string name)
    {
        var (id, statusUrl) = await site.SubmitAsync("Upgrade: " + name);
        await site.WaitForMailAsync(id, "Received", 2);
        return new Application(id, statusUrl);
    }

    static async Task<JsonElement[]> Invitations(Site site, Application app, int round) => await site.WaitForMailAsync(app.Id, "ReviewInvitation", 3, round);

    static async Task Decide(Site site, JsonElement invitation, string decision, string comment = "")
    {
        var response = await site.DecideAsync(invitation, decision, comment);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"decision {decision}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    static async Task ApproveRound(Site site, Application app, int round)
    {
        var invitations = await Invitations(site, app, round);
        await Decide(site, invitations[0], "approve");
        await Decide(site, invitations[1], "approve");
        await site.WaitForMailAsync(app.Id, "Approved", 2, round);
    }

    static async Task AskChanges(Site site, Application app)
    {
        var invitations = await Invitations(site, app, 1);
        await Decide(site, invitations[0], "changes", "Vertel meer over wie wat doet.");
        await site.WaitForMailAsync(app.Id, "ChangesRequested", 2, 1);
    }

    static async Task Revise(Site site, Application app)
    {
        var asked = await site.WaitForMailAsync(app.Id, "ChangesRequested", 2, 1);
        await site.UploadAsync(asked[0], "/revision/", "Anna regelt de sleutels, Bram de vrijwilligers.");
        await Invitations(site, app, 2);
    }

    /// <summary>Report <paramref name="n"/> sent through the link in its latest email (reminder or changes asked).</summary>
    static async Task SendReport(Site site, Application app, int n, int submission = 1)
    {
        var due = await site.WaitForMailAsync(app.Id, "ReportDueSoon", 2, n);
        var asked = (await site.MailAsync(app.Id)).Where(m => Site.Kind(m) == "ReportChangesRequested" && Site.Round(m) == n).ToArray();
        await site.UploadAsync(asked.Length > 0 ? asked[^1] : due[0], "/report/", $"Verslag {n}.{submission}: we leerden taken eerlijk te verdelen.");
        await site.WaitForMailAsync(app.Id, "ReportToAssess", submission, n);
    }

    static async Task AcceptReport(Site site, Application app, int n)
    {
        await site.CoordinatorPostAsync(app.Id, $"reports/{n}/accept", new { comment = "Mooi" });
        await site.WaitForMailAsync(app.Id, "ReportAccepted", 2, n);
    }

    static async Task FinishReports(Site site, Application app, int from)
    {
        for (var n = from; n <= 2; n++)
        {
            if (n > from)
            {
                await SendReport(site, app, n);
            }

            await AcceptReport(site, app, n);
        }

        await site.WaitForMailAsync(app.Id, "Completed", 2);
    }

    static readonly string[] Monitored = ["Received", "Approved r1", "ReportDueSoon r1", "ReportReceived r1", "ReportAccepted r1", "ReportDueSoon r2", "ReportReceived r2", "ReportAccepted r2", "Completed"];

    static List<Case> Cases() =>
    [
        new("waiting-for-reviewers", "InReview", "Withdrawn", ["Received", "Withdrawn"],
            async (site, app) => await Invitations(site, app, 1),
            async (site, app) =>
            {
                await site.WithdrawAsync(app.Id, "De school gaat dicht");
                await site.WaitForMailAsync(app.Id, "Withdrawn", 2);
            }),

        new("one-decision-in", "InReview", "Completed", Monitored,
            async (site, app) => await Decide(site, (await Invitations(site, app, 1))[0], "approve"),
            async (site, app) =>
            {
                // The approval the previous release recorded counts: one more decides the round.
                await Decide(site, (await Invitations(site, app, 1))[2], "approve");
                await site.WaitForMailAsync(app.Id, "Approved", 2, 1);
                await SendReport(site, app, 1);
                await FinishReports(site, app, 1);
            }),

        new("changes-requested", "ChangesRequested", "Cancelled", ["Received", "ChangesRequested r1", "Approved r2", "Cancelled"],
            AskChanges,
            async (site, app) =>
            {
                await Revise(site, app);
                await ApproveRound(site, app, 2);
                await site.CoordinatorPostAsync(app.Id, "cancel", new { reason = "Het budget is op" });
                await site.WaitForMailAsync(app.Id, "Cancelled", 2);
            }),

        new("revision-in", "InReview", "Rejected", ["Received", "ChangesRequested r1", "Rejected r2"],
            async (site, app) =>
            {
                await AskChanges(site, app);
                await Revise(site, app);
            },
            async (site, app) =>
            {
                var invitations = await Invitations(site, app, 2);
                await Decide(site, invitations[0], "reject", "Te weinig bewoners betrokken.");
                await Decide(site, invitations[1], "reject", "Geen leervraag.");
                await site.WaitForMailAsync(app.Id, "Rejected", 2, 2);
            }),

        new("report-due", "Monitoring", "Completed", [.. Monitored, "ReportDueToday r1"],
            async (site, app) =>
            {
                await ApproveRound(site, app, 1);
                await site.WaitForMailAsync(app.Id, "ReportDueSoon", 2, 1);
            },
            async (site, app) =>
            {
                // The report's next rung (due today), a timer the previous release set, fires.
                await site.WaitForMailAsync(app.Id, "ReportDueToday", 2, 1);
                await SendReport(site, app, 1);
                await FinishReports(site, app, 1);
            }),

        new("report-sent", "Monitoring", "Completed", Monitored,
            async (site, app) =>
            {
                await ApproveRound(site, app, 1);
                await SendReport(site, app, 1);
            },
            async (site, app) => await FinishReports(site, app, 1)),

        new("report-changes-asked", "Monitoring", "Completed", [.. Monitored, "ReportChangesRequested r1"],
            async (site, app) =>
            {
                await ApproveRound(site, app, 1);
                await SendReport(site, app, 1);
                await site.CoordinatorPostAsync(app.Id, "reports/1/changes", new { comment = "Wat ging er mis, en wat leerden jullie daarvan?" });
                await site.WaitForMailAsync(app.Id, "ReportChangesRequested", 2, 1);
            },
            async (site, app) =>
            {
                await SendReport(site, app, 1, submission: 2);
                await FinishReports(site, app, 1);
            }),

        new("extension-granted", "ChangesRequested", "Lapsed", ["Received", "ChangesRequested r1", "DeadlineMoved r1", "Lapsed r1"],
            AskChanges,
            async (site, app) => await site.WaitForMailAsync(app.Id, "Lapsed", 2, timeout: Step)),

        new("withdrawn", "Withdrawn", "Withdrawn", ["Received", "Withdrawn"],
            async (site, app) =>
            {
                await Invitations(site, app, 1);
                await site.WithdrawAsync(app.Id, "Wij stoppen");
                await site.WaitForMailAsync(app.Id, "Withdrawn", 2);
            },
            async (site, app) =>
            {
                // Ended is ended: the old links answer, and change nothing.
                var late = await site.DecideAsync((await Invitations(site, app, 1))[0], "approve");
                Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
                Assert.Equal(HttpStatusCode.Conflict, (await site.WithdrawAgainAsync(app.Id)).StatusCode);
            }),

        new("killed-after-a-decision", "InReview", "Cancelled", ["Received", "Approved r1", "Cancelled"],
            async (site, app) => await Decide(site, (await Invitations(site, app, 1))[0], "approve"),
            async (site, app) =>
            {
                // The second approval went in just before the kill: the round closes and the approval goes out.
                await site.WaitForMailAsync(app.Id, "Approved", 2, 1);
                await site.CoordinatorPostAsync(app.Id, "cancel", new { reason = "Dubbele aanvraag" });
                await site.WaitForMailAsync(app.Id, "Cancelled", 2);
            }),
    ];
}
