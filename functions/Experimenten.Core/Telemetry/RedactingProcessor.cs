using System.Diagnostics;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;
using OpenTelemetry;

namespace Experimenten.Telemetry;

/// <summary>
/// Runs before every exporter on every span, from any source: URL attributes lose their link tokens
/// (<see cref="PublicRoutes.Redact"/>), and a span started inside application work carries that
/// application's id (<see cref="ExperimentenTelemetry.ApplicationIdTag"/>) like its parent.
/// </summary>
/// <remarks>
/// <c>http.route</c> holds the template (<c>review/{token}</c>) and stays. The span name is the method and
/// the route where ASP.NET Core matched one; a name with a raw path (an unmatched link) is redacted too.
/// </remarks>
public sealed class RedactingProcessor : BaseProcessor<Activity>
{
    /// <summary>Attributes holding a path, a query or a whole URL, current and older semantic conventions.</summary>
    static readonly string[] PathTags = ["url.path", "http.target"];
    static readonly string[] QueryTags = ["url.query"];
    static readonly string[] UrlTags = ["url.full", "http.url"];

    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem(ExperimentenTelemetry.ApplicationIdTag) is null && data.Parent?.GetTagItem(ExperimentenTelemetry.ApplicationIdTag) is { } id)
        {
            data.SetTag(ExperimentenTelemetry.ApplicationIdTag, id);
        }
    }

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in PathTags)
        {
            if (data.GetTagItem(tag) is string path)
            {
                data.SetTag(tag, Path(path));
            }
        }

        foreach (var tag in QueryTags)
        {
            if (data.GetTagItem(tag) is string query)
            {
                // Kept with or without its leading "?", as the instrumentation wrote it.
                var redacted = PublicRoutes.Redact(PathString.Empty, Query(query));
                data.SetTag(tag, query.StartsWith('?') ? redacted : redacted.TrimStart('?'));
            }
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, Url(url));
            }
        }

        data.DisplayName = Name(data.DisplayName, data.GetTagItem("http.route") as string);
    }

    /// <summary>A path as it may be exported.</summary>
    public static string Path(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0
            ? PublicRoutes.Redact(Rooted(path), QueryString.Empty)
            : PublicRoutes.Redact(Rooted(path[..query]), Query(path[query..]));
    }

    /// <summary>An absolute URL as it may be exported: scheme, host and port kept, path and query redacted.</summary>
    public static string Url(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + PublicRoutes.Redact(new PathString(uri.AbsolutePath), Query(uri.Query))
            : PublicRoutes.Redacted;
    }

    /// <summary>"GET /review/abc" becomes "GET /review/[redacted]"; "GET review/{token}" (the matched route) stays.</summary>
    static string Name(string name, string? route)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var target = space < 0 ? name : name[(space + 1)..];
        if (!target.Contains('/', StringComparison.Ordinal) || (route is not null && target.TrimStart('/') == route.TrimStart('/')))
        {
            return name;
        }

        return (space < 0 ? "" : name[..(space + 1)]) + Path(target);
    }

    static PathString Rooted(string path) => new(path.StartsWith('/') ? path : "/" + path);

    static QueryString Query(string query) => query.Length == 0 ? QueryString.Empty : new QueryString(query.StartsWith('?') ? query : "?" + query);
}
