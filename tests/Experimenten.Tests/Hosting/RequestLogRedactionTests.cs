using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Experimenten.Tests.Hosting;

/// <summary>Design §4: tokens never appear in logs, even when an operator turns every category up to Debug.</summary>
[Collection(StorageCollection.Name)]
public sealed class RequestLogRedactionTests(Azurite azurite)
{
    [Fact]
    public async Task With_all_logging_at_debug_no_token_reaches_a_log_line_and_the_redacted_request_line_is_there()
    {
        var logs = new CapturingProvider();
        await using var host = new SelfHostFactory(azurite, b =>
        {
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:Microsoft"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Trace",
                ["Logging:Console:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
            }));
            // Even a rule in code that asks for the category by name gets nothing from it.
            b.ConfigureLogging(l => l.AddProvider(logs).AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Trace));
        });
        var client = await host.StartAsync();

        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf").ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        var statusUrl = accepted.GetProperty("statusUrl").GetString()!;
        var invitation = (await host.WaitForKindAsync(id, "ReviewInvitation", 1))[0];
        var links = new[] { statusUrl }.Concat(invitation.Links.Where(l => l.Contains("/review/", StringComparison.Ordinal) || l.Contains("/plan/", StringComparison.Ordinal))).ToList();
        Assert.Contains(links, l => l.Contains("/review/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("/plan/", StringComparison.Ordinal));

        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SelfHostFactory.Local(link))).StatusCode);
        }

        var review = SelfHostFactory.Local(links.First(l => l.Contains("/review/", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(review + "/mistyped", UriKind.Relative))).StatusCode);

        var tokens = links.Select(Token).ToList();
        await Wait.UntilAsync(() => Task.FromResult(logs.Lines.Count(l => l.Contains("Experimenten.Requests", StringComparison.Ordinal)) >= links.Count + 2),
            TimeSpan.FromSeconds(10), "request lines are logged");
        var lines = logs.Lines.ToList();
        Assert.All(tokens, token => Assert.DoesNotContain(lines, line => line.Contains(token, StringComparison.Ordinal)
            || line.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal)));

        // The test really had Debug on, and our own request line is there with the marker.
        Assert.Contains(lines, l => l.StartsWith("Debug Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Experimenten.Requests", StringComparison.Ordinal) && l.Contains("GET /review/[redacted] answered 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Experimenten.Requests", StringComparison.Ordinal) && l.Contains("GET /review/[redacted]/mistyped answered 404", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Experimenten.Requests", StringComparison.Ordinal) && l.Contains($"GET /api/applications/{id}?token=[redacted] answered 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Experimenten.Requests", StringComparison.Ordinal) && l.Contains("POST /api/applications answered 202", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
    }

    /// <summary>The token of a link: its last path segment, or its token query value.</summary>
    static string Token(string link)
    {
        var uri = new Uri(link);
        var query = uri.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("token=", StringComparison.Ordinal));
        var token = query is null ? uri.AbsolutePath.Split('/')[^1] : Uri.UnescapeDataString(query["token=".Length..]);
        Assert.StartsWith("v1.", token, StringComparison.Ordinal);
        return token;
    }

    /// <summary>Every log line with its level, category, message, exception and scopes, as one text.</summary>
    sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        sealed class Capturing(CapturingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new List<string>();
                provider.scopes.ForEachScope((s, list) =>
                {
                    list.Add(s?.ToString() ?? "");
                    if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs.Select(p => p.Key + "=" + p.Value));
                    }
                }, scope);
                var values = state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(' ', kv.Select(p => p.Key + "=" + p.Value)) : "";
                provider.Lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {values} {exception} [{string.Join(" | ", scope)}]");
            }
        }
    }
}
