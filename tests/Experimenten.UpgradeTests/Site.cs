using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Experimenten.UpgradeTests;

/// <summary>
/// One self-host, whichever build runs it, seen only through the HTTP contract (design §5 and the README's
/// additions): the JSON API, the signed links in the development outbox, the coordinator API with HTTP Basic.
/// Plus one look at the durable backend's own instance table (DurableTask.AzureStorage's schema, not ours):
/// an orchestration that fails on replay shows there long before any stage would time out.
/// </summary>
public sealed class Site(SelfHostProcess host, Azurite azurite, string dataPath)
{
    readonly SemaphoreSlim mailLock = new(1, 1);
    readonly SemaphoreSlim instanceLock = new(1, 1);
    JsonElement[] mail = [];
    DateTime mailAt;
    DateTime instancesAt;
    string? failed;
    HttpClient? coordinator;

    public SelfHostProcess Host => host;

    HttpClient Client => host.Client;

    Uri At(string path) => new($"{host.BaseUrl}{path}");

    /// <summary>Coordinator requests with HTTP Basic: in Development the first build made the password in its data folder (README).</summary>
    public HttpClient Coordinator
    {
        get
        {
            if (coordinator is null)
            {
                var password = File.ReadAllText(Path.Combine(dataPath, "coordinator.password")).Trim();
                coordinator = new HttpClient();
                coordinator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"coordinator:{password}")));
            }

            return coordinator;
        }
    }

    public async Task<(string Id, string StatusUrl)> SubmitAsync(string title)
    {
        var fields = new Dictionary<string, string>
        {
            ["callId"] = "upgrade",
            ["title"] = title,
            ["summary"] = "Bewoners en het opbouwwerk draaien samen de buurtkamer.",
            ["initiativeName"] = "Buurtkamer De Linde",
            ["residentContactName"] = "Anna de Vries",
            ["residentContactEmail"] = "anna@example.org",
            ["welfareOrganisation"] = "Welzijn Oost",
            ["welfareContactName"] = "Bram Jansen",
            ["welfareContactEmail"] = "bram@example.org",
            ["municipality"] = "Utrecht",
            ["budgetRequested"] = "7500",
            ["planText"] = "We willen een jaar lang samen de buurtkamer draaien en leren hoe we taken verdelen.",
            ["language"] = "nl",
            ["consent"] = "true",
        };
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, At("/api/applications")) { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await Client.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"submit {title}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("statusUrl").GetString()!);
    }

    /// <summary>A reviewer's decision through the link in their invitation (the page's POST).</summary>
    public Task<HttpResponseMessage> DecideAsync(JsonElement invitation, string decision, string comment = "") =>
        Client.PostAsync(new Uri(Link(invitation, "/review/")), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment }));

    /// <summary>A revised plan or a report, typed, through the upload link in an email.</summary>
    public async Task UploadAsync(JsonElement email, string path, string text)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text, Encoding.UTF8), "text" } };
        await ExpectAsync(await Client.PostAsync(new Uri(Link(email, path)), form), HttpStatusCode.OK, $"upload through {path}");
    }

    public async Task CoordinatorPostAsync(string id, string action, object body) =>
        await ExpectAsync(await Coordinator.PostAsync(At($"/api/coordinator/applications/{id}/{action}"), JsonContent.Create(body)), HttpStatusCode.Accepted, $"coordinator {action} on {id}");

    public async Task WithdrawAsync(string id, string reason)
    {
        var token = await StatusTokenAsync(id, "resident");
        await ExpectAsync(await Client.PostAsync(At($"/api/applications/{id}/withdraw?token={Uri.EscapeDataString(token)}"), JsonContent.Create(new { reason })),
            HttpStatusCode.Accepted, $"withdraw {id}");
    }

    public async Task<HttpResponseMessage> WithdrawAgainAsync(string id) =>
        await Client.PostAsync(At($"/api/applications/{id}/withdraw?token={Uri.EscapeDataString(await StatusTokenAsync(id, "resident"))}"), JsonContent.Create(new { reason = "nog eens" }));

    /// <summary>The stage as the applicant's status link (the 202's statusUrl) shows it.</summary>
    public async Task<string> ApplicantStageAsync(string statusUrl) =>
        (await Client.GetFromJsonAsync<JsonElement>(new Uri(statusUrl))).GetProperty("stage").GetString()!;

    /// <summary>The stage as the coordinator's detail shows it.</summary>
    public async Task<string> CoordinatorStageAsync(string id) =>
        (await Coordinator.GetFromJsonAsync<JsonElement>(At($"/api/coordinator/applications/{id}"))).GetProperty("stage").GetString()!;

    public async Task WaitForStageAsync(string id, string statusUrl, string stage, TimeSpan timeout)
    {
        var seen = "";
        await UntilAsync(async () => (seen = await ApplicantStageAsync(statusUrl)) == stage, timeout, () => $"{id} reaches {stage} (it is {seen})");
    }

    // Emails are keyed application|kind|r{round}|recipient[|variant] (README: each email has a stable key).
    public static string Kind(JsonElement email) => Key(email)[1];

    public static int Round(JsonElement email) => int.Parse(Key(email)[2][1..], System.Globalization.CultureInfo.InvariantCulture);

    public static string Recipient(JsonElement email) => Key(email)[3];

    static string[] Key(JsonElement email) => email.GetProperty("key").GetString()!.Split('|');

    public static string Link(JsonElement email, string path) =>
        email.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).Last(l => l.Contains(path, StringComparison.Ordinal));

    /// <summary>The outbox, read at most twice a second however many applications wait on it.</summary>
    public async Task<JsonElement[]> MailAsync(string id)
    {
        await mailLock.WaitAsync();
        try
        {
            if (DateTime.UtcNow - mailAt > TimeSpan.FromMilliseconds(500))
            {
                mail = (await Client.GetFromJsonAsync<JsonElement[]>(At("/dev/mail.json")))!;
                mailAt = DateTime.UtcNow;
            }

            // By the key's first part (the application) rather than a field of its own: the key is the email's stable identity.
            return [.. mail.Where(m => m.GetProperty("key").GetString()!.StartsWith(id + "|", StringComparison.Ordinal))];
        }
        finally
        {
            mailLock.Release();
        }
    }

    public async Task<JsonElement[]> WaitForMailAsync(string id, string kind, int count, int? round = null, TimeSpan? timeout = null)
    {
        JsonElement[] found = [];
        await UntilAsync(
            async () => (found = [.. (await MailAsync(id)).Where(m => Kind(m) == kind && (round is null || Round(m) == round))]).Length >= count,
            timeout ?? TimeSpan.FromSeconds(90),
            () => $"{count} {kind} emails{(round is null ? "" : $" of round {round}")} for {id} (there are {found.Length})");
        return found;
    }

    /// <summary>The status token in the newest email to a contact that has a status link.</summary>
    async Task<string> StatusTokenAsync(string id, string role) =>
        Link((await MailAsync(id)).Last(m => Recipient(m) == role && m.GetProperty("links").EnumerateArray().Any(l => l.GetString()!.Contains("/status/", StringComparison.Ordinal))), "/status/")
            .Split("/status/")[1];

    /// <summary>Polls; fails at once when the durable backend has a failed orchestration, with its error.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await ThrowIfAnyFailedAsync();
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting: {because()}.\n{await InstancesReportAsync()}\nLast lines of the self-host:\n{Tail()}");
            }

            await Task.Delay(300);
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', host.Output.Split('\n').TakeLast(lines));

    TableClient Instances => new(azurite.ConnectionString, host.Prefix + "hub" + "Instances");

    /// <summary>Every orchestration instance (applications, review rounds, report cycles): id, status, output.</summary>
    public async Task<IReadOnlyList<(string Id, string Status, string Output)>> InstancesAsync()
    {
        var rows = new List<(string, string, string)>();
        await foreach (var row in Instances.QueryAsync<TableEntity>(select: ["PartitionKey", "RuntimeStatus", "Output"]))
        {
            rows.Add((row.PartitionKey, row.GetString("RuntimeStatus") ?? "", row.GetString("Output") ?? ""));
        }

        return rows;
    }

    async Task ThrowIfAnyFailedAsync()
    {
        await instanceLock.WaitAsync();
        try
        {
            if (failed is null && DateTime.UtcNow - instancesAt > TimeSpan.FromSeconds(2))
            {
                instancesAt = DateTime.UtcNow;
                var bad = (await InstancesAsync()).Where(i => i.Status is "Failed" or "Terminated").ToList();
                if (bad.Count > 0)
                {
                    failed = string.Join('\n', bad.Select(i => $"  {i.Id}: {i.Status}: {Shorten(i.Output, 700)}"));
                }
            }
        }
        finally
        {
            instanceLock.Release();
        }

        if (failed is not null)
        {
            throw new InvalidOperationException($"Orchestrations failed after the upgrade:\n{failed}\nLast lines of the self-host:\n{Tail()}");
        }
    }

    public async Task<string> InstancesReportAsync()
    {
        try
        {
            var rows = await InstancesAsync();
            return "Orchestration instances:\n" + string.Join('\n', rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"  {r.Id}: {r.Status}{(r.Status == "Completed" ? "" : " " + Shorten(r.Output, 300))}"));
        }
        catch (Azure.RequestFailedException e)
        {
            return "The instance table could not be read: " + e.Message;
        }
    }

    static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
