using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Pages;

/// <summary>
/// Every word on every page comes from the text catalogue: with a localizer that wraps each resource string in
/// <c>⟦…⟧</c>, one application is walked through every page (and the outbox), and each text a person reads must be
/// wrapped, or be data the test gave (the application, the seeds), a link, a date or a number, or the brand.
/// A word written into a page, component or handler shows up here, per page.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class PseudoLanguageTests(Azurite azurite) : IAsyncLifetime
{
    const string Brand = "Experimenten";
    const string Comment = "Vertel meer over wie de sleutels beheert.";
    const string Revision = "Anna regelt de sleutels, Bram de vrijwilligers.";

    readonly Dictionary<string, string> pages = [];
    readonly TestApplication application = new TestApplication().With("callId", "fast").With("title", "Pseudo buurttuin aan de Linde");
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite, builder => builder
            // The outbox is only there in development; the rest of the host is as in every other test.
            .UseEnvironment("Development")
            .ConfigureTestServices(services =>
            {
                services.AddSingleton<ResourceManagerStringLocalizerFactory>();
                services.AddSingleton<IStringLocalizerFactory>(sp => new PseudoLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>()));
            }));
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Every_text_on_every_page_comes_from_the_catalogue()
    {
        var problem = await BadSubmissionProblemAsync();
        var id = await SubmitAsync();
        await WalkAsync(id);

        var data = Data(id);
        var leaks = pages
            .Select(p => (Page: p.Key, Leaks: VisibleText.Leaks(VisibleText.Of(p.Value), data)))
            .Where(p => p.Leaks.Count > 0)
            .Select(p => $"{p.Page}:\n    " + string.Join("\n    ", p.Leaks.Select(Short)))
            .ToList();
        var problemLeaks = VisibleText.Leaks(problem, data);
        if (problemLeaks.Count > 0)
        {
            leaks.Add("problem details of a bad submission:\n    " + string.Join("\n    ", problemLeaks));
        }

        Assert.True(leaks.Count == 0, "Texts not from the catalogue (" + leaks.Count + " of " + (pages.Count + 1) + " pages):\n" + string.Join("\n", leaks));
    }

    /// <summary>A submission without a title: its problem's title, detail and field errors are what people read.</summary>
    async Task<IReadOnlyList<string>> BadSubmissionProblemAsync()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().Without("title").ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        List<string> texts = [problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!];
        if (problem.TryGetProperty("errors", out var errors))
        {
            texts.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(e => e.GetString()!));
        }

        return texts;
    }

    async Task<string> SubmitAsync()
    {
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), application.ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    async Task WalkAsync(string id)
    {
        await PageAsync("form", "/");
        await PageAsync("form (English)", "/?lang=en");
        await PageAsync("status", "/status/" + await host.StatusTokenAsync(id, "resident"));

        var invitations = await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 1);
        var review = Link(invitations[0], "/review/");
        await PageAsync("review", review);
        await PageAsync("review (English)", review + "?lang=en");
        await PageAsync("plan", Link(invitations[0], "/plan/"));
        await PageAsync("review, sent without a choice", review, Form(("comment", "")));
        await PageAsync("review, decided", review, Form(("decision", "changes"), ("comment", Comment)));
        await PageAsync("review, already decided", review);
        await PageAsync("review, link not valid", review[..^4] + "AAAA");

        var asked = await host.WaitForKindAsync(id, "ChangesRequested", 2);
        await PageAsync("review, round closed", Link(invitations[1], "/review/"), Form(("decision", "approve")));
        var revision = Link(asked[0], "/revision/");
        await PageAsync("revision", revision);
        await PageAsync("revision, sent", revision, new MultipartFormDataContent { { new StringContent(Revision), "text" } });

        var round2 = await host.WaitForKindAsync(id, "ReviewInvitation", 3, round: 2);
        foreach (var invitation in round2.Take(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri(Link(invitation, "/review/"), UriKind.Relative), Form(("decision", "approve")))).StatusCode);
        }

        var due = await host.WaitForKindAsync(id, "ReportDueSoon", 2, round: 1);
        await PageAsync("report", Link(due[0], "/report/"));

        await PageAsync("coordinator sign-in", "/coordinator/sign-in");
        var coordinator = host.CoordinatorClient();
        await PageAsync("coordinator list", "/coordinator?callId=fast", client: coordinator);
        await PageAsync("coordinator detail", "/coordinator/applications/" + id, client: coordinator);

        using var outbox = new HttpRequestMessage(HttpMethod.Get, new Uri("/dev/mail", UriKind.Relative));
        outbox.Headers.Add(TestClientAddress.Header, "127.0.0.1");
        await RecordAsync("dev outbox", await client.SendAsync(outbox));
    }

    async Task PageAsync(string name, string path, HttpContent? form = null, HttpClient? client = null)
    {
        var uri = new Uri(path, UriKind.Relative);
        var via = client ?? this.client;
        await RecordAsync(name, form is null ? await via.GetAsync(uri) : await via.PostAsync(uri, form));
    }

    async Task RecordAsync(string name, HttpResponseMessage response)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{name} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        pages[$"{name} ({(int)response.StatusCode})"] = await response.Content.ReadAsStringAsync();
    }

    /// <summary>A leak on one line, cut short: an email's whole text would drown the other pages.</summary>
    static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 120 ? line : line[..117] + "...";
    }

    static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Value));

    static string Link(OutboxMessage mail, string kind) => SelfHostFactory.Local(mail.Links.Single(l => l.Contains(kind, StringComparison.Ordinal))).ToString();

    /// <summary>What the test gave: the application and the texts put in, the seeds (calls, panel), the fund's address, the language names.</summary>
    HashSet<string> Data(string id)
    {
        HashSet<string> data = [Brand, id, Comment, Revision, SelfHostFactory.CoordinatorUser, host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.CoordinatorAddress];
        data.UnionWith(application.Fields.Values);
        data.UnionWith(Languages.All.Select(Languages.NativeName));
        foreach (var seed in new[] { "calls.json", "panel.json" })
        {
            Strings(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "test-seeds", seed))).RootElement, data);
        }

        return data;
    }

    static void Strings(JsonElement element, HashSet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Strings(property.Value, into);
                }

                break;
        }
    }
}
