using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Infrastructure;

/// <summary>
/// The real self-host in process, on Azurite, with its own task hub and storage prefix so tests never
/// see each other's data. The durable backend is Azure Storage unless a test asks for in-memory.
/// </summary>
public sealed class SelfHostFactory(Azurite azurite, Action<IWebHostBuilder>? configure = null, string backend = "AzureStorage") : WebApplicationFactory<Program>
{
    public const string CoordinatorUser = "coord";
    public const string CoordinatorPassword = "test-password-for-coordinators";

    /// <summary>Settings hold only the hash of a coordinator's password.</summary>
    public static readonly string PasswordHash = Coordinator.PasswordHashing.Hash(CoordinatorPassword);

    /// <summary>Random, like a real key (openssl rand -base64 48): a readable phrase is refused at start.</summary>
    public const string SigningKey = "+C9LpiP5+ljjXi0coaTAkCgkMSaAZX6pCKoyhGGeP1U596c6njKxFdglKbHZqyjU";

    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A client that signs in as a coordinator.</summary>
    public HttpClient CoordinatorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{CoordinatorUser}:{CoordinatorPassword}")));
        return client;
    }

    /// <summary>Emails of one kind for an application (the kind is part of each email's stable key).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> WaitForKindAsync(string applicationId, string kind, int count, TimeSpan? timeout = null, int? round = null)
    {
        IReadOnlyList<OutboxMessage> found = [];
        var marker = round is { } r ? $"|{kind}|r{r}|" : $"|{kind}|";
        await Wait.UntilAsync(
            async () => (found = [.. (await MailForAsync(applicationId)).Where(m => m.Key.Contains(marker, StringComparison.Ordinal))]).Count >= count,
            timeout ?? TimeSpan.FromSeconds(60),
            $"expected {count} {kind} emails for {applicationId}");
        return found;
    }

    /// <summary>The status token in a contact's (<c>resident</c>, <c>welfare</c>) newest email that has one.</summary>
    public async Task<string> StatusTokenAsync(string applicationId, string role, TimeSpan? timeout = null)
    {
        string? token = null;
        await Wait.UntilAsync(
            async () => (token = (await MailForAsync(applicationId))
                .Where(m => m.Key.EndsWith($"|{role}", StringComparison.Ordinal) || m.Key.Contains($"|{role}|", StringComparison.Ordinal))
                .SelectMany(m => m.Links)
                .LastOrDefault(l => l.Contains("/status/", StringComparison.Ordinal))?.Split("/status/")[1]) is not null,
            timeout ?? TimeSpan.FromSeconds(60),
            $"a status link for the {role} contact of {applicationId}");
        return token!;
    }

    public async Task<int> CountKindAsync(string applicationId, string kind) =>
        (await MailForAsync(applicationId)).Count(m => m.Key.Contains($"|{kind}|", StringComparison.Ordinal));

    /// <summary>Turns an absolute link from an email into a path for the in-process client.</summary>
    public static Uri Local(string link) => new(new Uri(link).PathAndQuery, UriKind.Relative);

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public OutboxTransport Outbox => Services.GetRequiredService<OutboxTransport>();

    public PlanStore Plans => Services.GetRequiredService<PlanStore>();

    public ReadModel ReadModel => Services.GetRequiredService<ReadModel>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:Prefix", Prefix);
        builder.UseSetting("Durable:Backend", backend);
        builder.UseSetting("Durable:TaskHub", Prefix + "hub");
        builder.UseSetting("Durable:MaxQueuePollingInterval", "00:00:00.500");
        builder.UseSetting("Seeds:SubmitDemoApplications", "false");
        builder.UseSetting("Seeds:Import", "true");
        builder.UseSetting("Links:SigningKey", SigningKey);
        builder.UseSetting("Links:BaseUrl", "http://localhost");
        builder.UseSetting("SelfHost:DataPath", Path.Combine(Path.GetTempPath(), Prefix));
        builder.UseSetting("Seeds:Path", Path.Combine(AppContext.BaseDirectory, "test-seeds"));
        builder.UseSetting("Coordinator:Credentials:0:User", CoordinatorUser);
        builder.UseSetting("Coordinator:Credentials:0:PasswordHash", PasswordHash);

        foreach (var (key, value) in TestRateLimits.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
        configure?.Invoke(builder);
    }

    /// <summary>Waits until the embedded runtime reports ready.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        await Wait.UntilAsync(async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the self-host never became ready");
        return client;
    }

    public async Task<IReadOnlyList<OutboxMessage>> MailForAsync(string applicationId) =>
        [.. (await Outbox.ListAsync(CancellationToken.None)).Where(m => m.ApplicationId == applicationId)];

    public async Task<IReadOnlyList<OutboxMessage>> WaitForMailAsync(string applicationId, int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<OutboxMessage> mail = [];
        await Wait.UntilAsync(async () => (mail = await MailForAsync(applicationId)).Count >= count, timeout ?? TimeSpan.FromSeconds(60), $"expected {count} emails for {applicationId}");
        return mail;
    }

    public async Task<int> InstanceCountAsync()
    {
        var count = 0;
        await foreach (var _ in Durable.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100 }))
        {
            count++;
        }

        return count;
    }
}
