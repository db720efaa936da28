using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Experimenten.Tests.Api;

/// <summary>The coordinator's sign-in as a coordinator uses it, and as an attacker tries to get around it.</summary>
[Collection(StorageCollection.Name)]
public sealed partial class CoordinatorSignInTests(Azurite azurite) : IAsyncLifetime
{
    readonly LogCapture logs = new();
    SelfHostFactory host = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite, b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    HttpClient Browser() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Loads the sign-in page (its CSRF cookie and field) and posts the form.</summary>
    static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password, string returnUrl = "/coordinator")
    {
        var page = await (await browser.GetAsync(new Uri($"/coordinator/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative))).Content.ReadAsStringAsync();
        var csrf = CsrfField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = csrf, ["user"] = user, ["password"] = password });
        return await browser.PostAsync(new Uri($"/coordinator/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), form);
    }

    [Fact]
    public async Task A_coordinator_signs_in_on_the_page_works_and_signs_out()
    {
        var browser = Browser();
        var dashboard = await browser.GetAsync(new Uri("/coordinator", UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, dashboard.StatusCode);
        Assert.StartsWith("/coordinator/sign-in", dashboard.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signIn = await SignInAsync(browser, SelfHostFactory.CoordinatorUser, SelfHostFactory.CoordinatorPassword);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/coordinator", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("experimenten-coordinator=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var list = await browser.GetAsync(new Uri("/coordinator", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/coordinator/sign-out\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/coordinator/applications", UriKind.Relative))).StatusCode);

        using var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = CsrfField().Match(html).Groups[1].Value });
        var left = await browser.PostAsync(new Uri("/coordinator/sign-out", UriKind.Relative), signOut);
        Assert.Equal(HttpStatusCode.SeeOther, left.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.GetAsync(new Uri("/coordinator", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/coordinator/applications", UriKind.Relative))).StatusCode);

        Assert.Contains(logs.Lines, l => l.Contains($"Coordinator {SelfHostFactory.CoordinatorUser} signed in", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains($"Coordinator {SelfHostFactory.CoordinatorUser} signed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forty_wrong_passwords_are_slowed_down_and_the_right_one_waits_too()
    {
        var browser = Browser();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 40; i++)
        {
            last = await SignInAsync(browser, SelfHostFactory.CoordinatorUser, $"guess-{i}");
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Te veel pogingen", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // While the account waits, even the right password (on the page or as a script) gets in nowhere.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(Browser(), SelfHostFactory.CoordinatorUser, SelfHostFactory.CoordinatorPassword)).StatusCode);
        var script = host.CoordinatorClient();
        var api = await script.GetAsync(new Uri("/api/coordinator/applications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.Contains("Retry-After"));

        // Every failure is in the log, by user and client, never with the password.
        Assert.True(logs.Lines.Count(l => l.Contains("sign-in failed for coord", StringComparison.Ordinal)) >= 5);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("guess-", StringComparison.Ordinal) || l.Contains(SelfHostFactory.CoordinatorPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_site_cannot_make_a_signed_in_browser_act()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.SeeOther, (await SignInAsync(browser, SelfHostFactory.CoordinatorUser, SelfHostFactory.CoordinatorPassword)).StatusCode);
        var response = await host.CreateClient().PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().With("callId", "fast").ToContent());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);
        var before = (await host.ReadModel.GetAsync(id, default))!;

        // What an HTML form or a no-cors fetch on evil.example can send with the coordinator's cookie.
        var attacks = new HttpRequestMessage[]
        {
            Forged($"/api/coordinator/applications/{id}/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "pwned" }), "https://evil.example"),
            Forged($"/api/coordinator/applications/{id}/cancel", new StringContent("{\"reason\":\"pwned\"}", System.Text.Encoding.UTF8, "text/plain"), null),
            Forged($"/api/coordinator/applications/{id}/deadline", new StringContent("{\"deadline\":\"2099-01-01T00:00:00Z\",\"reason\":\"pwned\"}", System.Text.Encoding.UTF8, "application/json"), "https://evil.example"),
            Forged($"/api/coordinator/applications/{id}/remind", null, "https://evil.example"),
            Forged($"/coordinator/applications/{id}/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "pwned", ["confirm"] = "yes" }), "https://evil.example"),
        };
        foreach (var attack in attacks)
        {
            var answer = await browser.SendAsync(attack);
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnsupportedMediaType, $"{attack.RequestUri}: {answer.StatusCode}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = (await host.ReadModel.GetAsync(id, default))!;
        Assert.Equal(before.Stage, after.Stage);
        Assert.Equal(before.NextDeadline, after.NextDeadline);
        Assert.Equal(0, await host.CountKindAsync(id, "Cancelled"));
        Assert.Equal(0, await host.CountKindAsync(id, "ReviewReminderDue"));
    }

    [Fact]
    public async Task The_page_sends_a_coordinator_back_only_to_this_site()
    {
        foreach (var target in new[] { "https://evil.example/", "//evil.example/coordinator", "/\\evil.example", "/status/x" })
        {
            var signIn = await SignInAsync(Browser(), SelfHostFactory.CoordinatorUser, SelfHostFactory.CoordinatorPassword, target);
            Assert.Equal("/coordinator", signIn.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_forged_platform_header_signs_nobody_in_and_the_platform_mode_needs_the_platform()
    {
        var principal = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "roles", val = "coordinator" }, new { typ = "name", val = "Mallory" } },
        }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/coordinator/applications");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().SendAsync(request)).StatusCode);

        await using var platform = new SelfHostFactory(azurite, b => b.UseSetting("Coordinator:Mode", "AppService"));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => platform.StartAsync());
        Assert.Contains("WEBSITE_AUTH_ENABLED", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_as_typed_in_the_settings_is_refused_at_start()
    {
        await using var plain = new SelfHostFactory(azurite, b => b.UseSetting("Coordinator:Credentials:0:Password", "hunter2-in-a-file"));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => plain.StartAsync());
        Assert.Contains("hash-password", refused.ToString(), StringComparison.Ordinal);
    }

    static HttpRequestMessage Forged(string path, HttpContent? content, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

/// <summary>Every log line the host writes, formatted, for tests that check what is (and is not) logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)}");
    }
}
