using Experimenten.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Experimenten.Tests.Unit;

public sealed class PublicRoutesTests
{
    const string Token = "v1.eyJwdXJwb3NlIjoxfQ.c2lnbmF0dXJl";

    [Theory]
    [InlineData("/review/" + Token, "", "/review/[redacted]")]
    [InlineData("/Review/" + Token, "", "/Review/[redacted]")]
    [InlineData("/plan/" + Token, "", "/plan/[redacted]")]
    [InlineData("/revision/" + Token, "", "/revision/[redacted]")]
    [InlineData("/report/" + Token, "", "/report/[redacted]")]
    [InlineData("/status/" + Token, "", "/status/[redacted]")]
    [InlineData("/status/" + Token + "/withdraw", "", "/status/[redacted]/withdraw")]
    [InlineData("/review/" + Token + "/not-a-route", "", "/review/[redacted]/not-a-route")]
    [InlineData("/api/applications/exp-1", "?token=" + Token, "/api/applications/exp-1?token=[redacted]")]
    [InlineData("/api/applications/exp-1/withdraw", "?lang=en&TOKEN=" + Token + "&x", "/api/applications/exp-1/withdraw?lang=en&TOKEN=[redacted]&x")]
    [InlineData("/api/coordinator/applications", "?callId=demo&continuationToken=abc", "/api/coordinator/applications?callId=demo&continuationToken=[redacted]")]
    [InlineData("/", "", "/")]
    [InlineData("/review", "", "/review")]
    [InlineData("/healthz", "?probe=1", "/healthz?probe=1")]
    public void Tokens_in_paths_and_queries_are_redacted(string path, string query, string expected) =>
        Assert.Equal(expected, PublicRoutes.Redact(new PathString(path), new QueryString(query.Length == 0 ? null : query)));

    [Fact]
    public void Every_token_route_of_the_table_is_redacted()
    {
        // Found from the table, so a new route with a {token} is covered without touching the redaction.
        var tokenRoutes = PublicRoutes.Anonymous.Where(r => r.Contains("{token}", StringComparison.Ordinal)).ToList();

        Assert.Equal(8, tokenRoutes.Count);
        Assert.All(tokenRoutes, route => Assert.DoesNotContain(Token,
            PublicRoutes.Redact(new PathString("/" + route.Replace("{token}", Token, StringComparison.Ordinal)), QueryString.Empty), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("healthz", "/healthz")]
    [InlineData("api/applications", "/api/applications")]
    [InlineData("api/applications/{id}/withdraw", "/api/applications/*")]
    [InlineData("review/{token}", "/review/*")]
    public void Excluded_paths_are_the_literal_part_of_a_route(string route, string expected) =>
        Assert.Equal(expected, PublicRoutes.ExcludedPath(route));

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.Matching.DfaMatcher")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.BadRequests")]
    public void Categories_that_log_urls_stay_off_in_both_hosts_whatever_the_configuration_says(string category)
    {
        // AddExperimentenCore is what the Functions app and the self-host both call.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:" + category] = "Trace",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddFilter(category, LogLevel.Trace).AddProvider(new NoProvider()));
        using var provider = services.AddExperimentenCore().BuildServiceProvider();

        var factory = provider.GetRequiredService<ILoggerFactory>();
        Assert.False(factory.CreateLogger(category).IsEnabled(LogLevel.Critical));
        Assert.True(factory.CreateLogger("Experimenten.Requests").IsEnabled(LogLevel.Trace));
        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Debug));
    }

    sealed class NoProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Quiet();

        public void Dispose()
        {
        }

        sealed class Quiet : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
