using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Experimenten.Tests.Api;

/// <summary>
/// An attacker's view of the anonymous endpoints: a script may post as often as it likes, from many addresses, and
/// must still not make the fund store its files or email strangers beyond a small allowance.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class RateLimitTests(Azurite azurite)
{
    const string Attacker = "203.0.113.7";

    [Fact]
    public async Task A_flood_of_submissions_from_one_client_gets_429_with_retry_after_and_nothing_beyond_the_limit_is_stored_or_emailed()
    {
        await using var host = Host(("SubmissionsPerClient", "3"));
        var client = await host.StartAsync();

        var accepted = new List<string>();
        var refused = new List<(HttpResponseMessage Response, bool English)>();
        for (var i = 0; i < 10; i++)
        {
            var english = i % 2 == 1;
            using var request = Submission(new TestApplication().With("residentContactEmail", $"anna{i}@example.org").With("welfareContactEmail", $"bram{i}@example.org"), Attacker, english);
            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            else
            {
                refused.Add((response, english));
            }
        }

        Assert.Equal(3, accepted.Count);
        Assert.Equal(7, refused.Count);
        foreach (var (response, english) in refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
            Assert.True(seconds is > 0 and <= 3600, $"Retry-After in seconds, within the window (was {seconds})");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("urn:experimenten:problem:too-many-requests", problem.GetProperty("type").GetString());
            Assert.Equal(english ? "Please wait a moment" : "Even wachten, alstublieft", problem.GetProperty("title").GetString());
            Assert.Contains(english ? "Nothing was stored" : "Er is niets opgeslagen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The limit is the attacker's, not everyone's: another client still applies.
        using var other = Submission(new TestApplication().With("residentContactEmail", "carla@example.org"), "198.51.100.20");
        var answer = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        accepted.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        foreach (var id in accepted)
        {
            await host.WaitForKindAsync(id, "Received", 2);
        }

        Assert.Equal(accepted.Order(), (await ApplicationsAsync(host)).Order());
        var outbox = await host.Outbox.ListAsync(default);
        Assert.All(outbox, m => Assert.Contains(m.ApplicationId, accepted));
        Assert.DoesNotContain(outbox, m => m.To is "anna3@example.org" or "bram9@example.org");
    }

    [Fact]
    public async Task A_flood_of_hand_overs_on_one_application_is_cut_off_and_forged_links_cannot_spend_its_allowance()
    {
        await using var host = Host(("HandOversPerApplication", "3"), ("HandOversPerClient", "5"));
        var client = await host.StartAsync();
        var id = await SubmitAsync(client);
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        var token = await host.StatusTokenAsync(id, "resident");

        // Someone who knows the id but not the link: counted against their own address only.
        for (var i = 0; i < 10; i++)
        {
            using var forged = HandOver(id, "v1.forged.token", Attacker, i);
            Assert.Equal(i < 5 ? HttpStatusCode.NotFound : HttpStatusCode.TooManyRequests, (await client.SendAsync(forged)).StatusCode);
        }

        // With the genuine link (leaked, say) from ever new addresses, each time the newest contact's own link
        // (a hand-over retires the one before): three hand-overs, then the application is closed to more.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = HandOver(id, token, $"198.51.100.{i + 1}", i);
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var welcome = await host.WaitForKindAsync(id, "ContactWelcome", i + 1);
                token = welcome.Single(m => m.To == $"new{i}@example.org").Links.Single(l => l.Contains("/status/", StringComparison.Ordinal)).Split("/status/")[1];
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                Assert.Equal("urn:experimenten:problem:too-many-requests", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], statuses);
        await host.WaitForKindAsync(id, "ContactWelcome", 3);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, await host.CountKindAsync(id, "ContactWelcome"));
        Assert.Equal(3, await host.CountKindAsync(id, "ContactHandedOver"));
        Assert.DoesNotContain(await host.Outbox.ListAsync(default), m => m.To == "new3@example.org");
    }

    [Fact]
    public async Task One_email_address_named_in_many_submissions_from_different_clients_is_cut_off()
    {
        await using var host = Host(("SubmissionsPerContactEmail", "3"));
        var client = await host.StartAsync();

        var accepted = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            // Case and a "+tag" reach the same mailbox, so they count as the same address.
            var victim = i switch { 4 => "Victim@Example.org", 5 => "victim+spam@example.org", _ => "victim@example.org" };
            var english = i == 6;
            using var request = Submission(new TestApplication().With("residentContactEmail", victim).With("welfareContactEmail", $"w{i}@example.org"), $"198.51.100.{i + 1}", english);
            var response = await client.SendAsync(request);
            if (i < 3)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                continue;
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("urn:experimenten:problem:too-many-for-address", problem.GetProperty("type").GetString());
            Assert.Equal(english ? "Too many applications for this email address" : "Te veel aanvragen voor dit e-mailadres", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("residentContactEmail", out _), "the address is marked next to its field");
            Assert.False(problem.GetProperty("errors").TryGetProperty("welfareContactEmail", out _), "the other address was fine");
        }

        foreach (var id in accepted)
        {
            await host.WaitForKindAsync(id, "Received", 2);
        }

        Assert.Equal(accepted.Order(), (await ApplicationsAsync(host)).Order());
        var outbox = await host.Outbox.ListAsync(default);
        Assert.Equal(3, outbox.Count(m => m.To.Contains("victim", StringComparison.OrdinalIgnoreCase) && m.Key.Contains("|Received|", StringComparison.Ordinal)));
        Assert.DoesNotContain(outbox, m => m.To is "w3@example.org" or "w6@example.org");
    }

    [Fact]
    public async Task A_browser_form_post_beyond_the_limit_gets_a_page_with_429()
    {
        await using var host = Host(("SubmissionsPerClient", "2"), ("DecisionsPerClient", "2"), ("SubmissionsPerContactEmail", "1"));
        var client = await host.StartAsync();

        // The no-JavaScript form: _format=html, and the browser navigates (Accept: text/html).
        HttpResponseMessage form = null!;
        for (var i = 0; i < 3; i++)
        {
            using var request = Submission(new TestApplication().With("_format", "html"), Attacker);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            form = await client.SendAsync(request);
        }

        await AssertPageAsync(form, "Even wachten, alstublieft", "terugknop");

        // A reviewer's decision page, in English for a reader who asks for it.
        HttpResponseMessage review = null!;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/review/v1.forged.token?lang=en", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }),
            };
            request.Headers.Add(TestClientAddress.Header, Attacker);
            review = await client.SendAsync(request);
            if (i < 2)
            {
                Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
            }
        }

        await AssertPageAsync(review, "Please wait a moment", "Your link keeps working");
        Assert.Equal("no-referrer", review.Headers.GetValues("Referrer-Policy").Single());

        // The no-JavaScript form naming an address beyond its allowance: the form again, filled in, the error at the field.
        var csrf = new string('c', 43);
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        for (var i = 0; i < 2; i++)
        {
            using var request = Submission(new TestApplication().With("_format", "html").With("_csrf", csrf).With("residentContactEmail", "victim@example.org").With("welfareContactEmail", $"w{i}@example.org"), $"198.51.100.{i + 1}");
            request.Headers.Add("Cookie", $"experimenten-csrf={csrf}");
            request.Headers.Accept.ParseAdd("text/html");
            var page = await browser.SendAsync(request);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            if (i == 0)
            {
                Assert.True(page.IsSuccessStatusCode, $"the first is accepted ({page.StatusCode})");
                continue;
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
            Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Te veel aanvragen voor dit e-mailadres", html, StringComparison.Ordinal);
            Assert.Contains("Met dit e-mailadres zijn vandaag al veel aanvragen gedaan", html, StringComparison.Ordinal);
            Assert.Contains("value=\"victim@example.org\"", html, StringComparison.Ordinal);
        }
    }

    static async Task AssertPageAsync(HttpResponseMessage response, string title, string text)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    SelfHostFactory Host(params (string Name, string Value)[] limits) => new(azurite, (IWebHostBuilder b) =>
    {
        foreach (var (name, value) in limits)
        {
            b.UseSetting("RateLimits:" + name, value);
        }
    });

    static HttpRequestMessage Submission(TestApplication application, string clientAddress, bool english = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/applications", UriKind.Relative)) { Content = application.With("language", english ? "en" : "nl").ToContent() };
        request.Headers.Add(TestClientAddress.Header, clientAddress);
        if (english)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        }

        return request;
    }

    static HttpRequestMessage HandOver(string id, string token, string clientAddress, int n)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/applications/{id}/contacts?token={token}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { role = "resident", name = $"Nieuw {n}", email = $"new{n}@example.org" }),
        };
        request.Headers.Add(TestClientAddress.Header, clientAddress);
        return request;
    }

    static async Task<string> SubmitAsync(HttpClient client)
    {
        using var request = Submission(new TestApplication().With("callId", "fast"), "192.0.2.1");
        var accepted = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return accepted.GetProperty("id").GetString()!;
    }

    /// <summary>The applications that were started: their lifecycles, not their review rounds.</summary>
    static async Task<List<string>> ApplicationsAsync(SelfHostFactory host)
    {
        var ids = new List<string>();
        await foreach (var instance in host.Durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { PageSize = 100 }))
        {
            if (!instance.InstanceId.Contains(':', StringComparison.Ordinal))
            {
                ids.Add(instance.InstanceId);
            }
        }

        return ids;
    }
}
