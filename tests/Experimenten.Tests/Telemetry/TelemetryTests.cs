using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Activities;
using Experimenten.Http;
using Experimenten.Telemetry;
using Experimenten.Tests.Infrastructure;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace Experimenten.Tests.Telemetry;

/// <summary>
/// One application through the self-host with an in-memory exporter next to it: what a fund would see
/// (the request, the activities, the emails, the counts) and what it must never see (a link token).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class TelemetryTests(Azurite azurite) : IAsyncLifetime
{
    readonly TelemetryCapture capture = new();
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite, b =>
        {
            b.UseSetting("Telemetry:GaugeRefresh", "00:00:05");
            b.ConfigureServices(capture.AddTo);
        });
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_application_is_traced_and_counted_and_no_link_token_reaches_any_signal()
    {
        var response = await client.PostAsync(new Uri("/" + Routes.Applications, UriKind.Relative), new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf").ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await host.WaitForKindAsync(id, "ReviewInvitation", 3);

        // Every signed link the application's emails carry, and the request of each kind of link.
        var links = (await host.MailForAsync(id)).SelectMany(m => m.Links).Distinct().ToList();
        var tokens = links.Select(TokenOf).Distinct().ToList();
        Assert.Contains(links, l => l.Contains("/status/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("/review/", StringComparison.Ordinal));
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SelfHostFactory.Local(link))).StatusCode);
        }

        // A mistyped link matches no route, and its path is all there is to go by.
        var review = links.First(l => l.Contains("/review/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(SelfHostFactory.Local(review) + "/x", UriKind.Relative))).StatusCode);

        // Request spans end just after their response: wait for the last one, then collect the metrics.
        await Wait.UntilAsync(() => Task.FromResult(capture.Spans.Any(s => s.Kind == ActivityKind.Server && Tag(s, "http.response.status_code") == "404")), TimeSpan.FromSeconds(10), "the 404's request span");
        await Wait.UntilAsync(
            () =>
            {
                TelemetryCapture.Flush(host.Services);
                return Task.FromResult(Gauge("experimenten.applications", ("stage", "InReview")) == 1 && Gauge("experimenten.deadlines.running") == 1);
            },
            TimeSpan.FromSeconds(30),
            "the gauges count the application in review");
        var spans = capture.Spans.Snapshot();

        // The submission's request, the activities and the emails, each findable by the application id.
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Tag(s, "http.request.method") == "POST"
            && Tag(s, "http.route")?.TrimStart('/') == Routes.Applications && Tag(s, ExperimentenTelemetry.ApplicationIdTag) == id);
        var activities = spans.Where(s => s.Source.Name == ExperimentenTelemetry.Name && Tag(s, ExperimentenTelemetry.ApplicationIdTag) == id).ToList();
        Assert.Contains(activities, s => s.DisplayName == nameof(Advance) && Tag(s, ExperimentenTelemetry.ActivityTag) == nameof(Advance));
        Assert.Contains(activities, s => s.DisplayName == nameof(SendEmail));
        Assert.Contains(activities, s => s.DisplayName == "email.send" && Tag(s, ExperimentenTelemetry.EmailKindTag) == "ReviewInvitation");
        // Storage calls inside an activity carry its application too.
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && Tag(s, ExperimentenTelemetry.ApplicationIdTag) == id);

        // A token-bearing request went through the instrumentation, with its token redacted.
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Tag(s, "http.route")?.TrimStart('/') == Routes.Review && Tag(s, "url.path") == "/review/" + PublicRoutes.Redacted);

        Assert.True(Sum("experimenten.emails.sent", ("kind", "ReviewInvitation")) >= 3);
        Assert.True(Sum("experimenten.emails.sent", ("kind", "Received")) >= 2);
        Assert.True(Sum("experimenten.submissions.accepted") >= 1);
        Assert.Contains(capture.Logs.Snapshot(), l => l.Attributes?.Any(a => a.Key == "ApplicationId" && Equals(a.Value, id)) == true);

        // Not a token, not even its signature, anywhere: span names and attributes, log records, metric tags.
        var forbidden = tokens.Concat(tokens.Select(t => t.Split('.')[^1])).ToList();
        var texts = spans.SelectMany(SpanTexts).Concat(capture.Logs.Snapshot().SelectMany(LogTexts)).Concat(capture.Metrics.Snapshot().SelectMany(MetricTexts)).ToList();
        Assert.NotEmpty(texts);
        var leaks = texts.Where(t => forbidden.Any(f => t.Contains(f, StringComparison.Ordinal)))
            .Select(t => forbidden.Aggregate(t, (text, f) => text.Replace(f, "<TOKEN>", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(leaks);
    }

    /// <summary>The token of an emailed link: the path segment after the route's literal part (<c>/review/{token}</c>).</summary>
    static string TokenOf(string link) => new Uri(link).AbsolutePath.Split('/')[2];

    static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "", span.TraceStateString ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    static IEnumerable<string> LogTexts(LogRecord log)
    {
        var texts = new List<string> { log.CategoryName ?? "", log.Body ?? "", log.FormattedMessage ?? "", log.Exception?.ToString() ?? "" };
        texts.AddRange((log.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"));
        log.ForEachScope(
            (scope, list) =>
            {
                list.Add(scope.Scope?.ToString() ?? "");
                foreach (var item in scope)
                {
                    list.Add($"{item.Key}={item.Value}");
                }
            },
            texts);
        return texts;
    }

    static IEnumerable<string> MetricTexts(MetricSnapshot metric)
    {
        var texts = new List<string> { metric.Name };
        foreach (var point in metric.MetricPoints)
        {
            texts.AddRange(Tags(point).Select(t => $"{t.Key}={t.Value}"));
        }

        return texts;
    }

    static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    IEnumerable<MetricPoint> Latest(string name, (string Key, string Value)? tag) =>
        capture.Metrics.Snapshot().LastOrDefault(m => m.Name == name)?.MetricPoints
            .Where(p => tag is not { } t || Tags(p).Any(x => x.Key == t.Key && Equals(x.Value, t.Value))) ?? [];

    long Sum(string name, (string, string)? tag = null) => Latest(name, tag).Sum(p => p.GetSumLong());

    long? Gauge(string name, (string, string)? tag = null) => Latest(name, tag).Select(p => (long?)p.GetGaugeLastValueLong()).FirstOrDefault();
}
