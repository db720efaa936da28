using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>Marks a route of <see cref="Routes"/> that is reached without an account.</summary>
/// <remarks>
/// The self-host's own coordinator sign-in pages stay unmarked: in Azure, Entra ID sign-in replaces
/// them, and App Service authentication must guard every coordinator path.
/// </remarks>
[AttributeUsage(AttributeTargets.Field)]
public sealed class AnonymousAttribute : Attribute;

/// <summary>
/// What the rest of the system needs to know about the anonymous routes, derived from the marks in
/// <see cref="Routes"/>: the paths App Service authentication lets through, and which path segments
/// carry a signed link token (never to be logged).
/// </summary>
public static class PublicRoutes
{
    /// <summary>Stands in for a token in everything that is logged.</summary>
    public const string Redacted = "[redacted]";

    const string TokenParameter = "{token}";

    /// <summary>Every route template marked <see cref="AnonymousAttribute"/>.</summary>
    public static IReadOnlyList<string> Anonymous { get; } = [.. RouteFields(anonymous: true)];

    /// <summary>Every route template that needs a coordinator.</summary>
    public static IReadOnlyList<string> Protected { get; } = [.. RouteFields(anonymous: false)];

    /// <summary>
    /// The App Service authentication <c>excludedPaths</c> for <see cref="Anonymous"/>: a route without
    /// parameters exactly, a route with parameters as its literal prefix followed by <c>*</c>.
    /// </summary>
    /// <remarks>
    /// App Service matches an entry exactly (case-insensitively) or, when it ends in <c>/*</c>, as a
    /// prefix up to that slash; a wildcard anywhere else is not supported. So a prefix may only ever
    /// end at a slash ("/api/applications/*", never "/api/app*"), and no prefix may be shared with a
    /// coordinator route: "/api/*" would open "/api/coordinator/*". The coordinator code checks the
    /// caller's role itself as well, so a request that slips past the platform is still refused.
    /// </remarks>
    public static IReadOnlyList<string> ExcludedPaths { get; } =
        [.. Anonymous.Select(ExcludedPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The literal segments in front of a token, one entry per token route ("review" for "review/{token}").</summary>
    static readonly string[][] TokenPrefixes =
    [
        .. Anonymous
            .Select(r => r.Split('/'))
            .Where(s => s.Contains(TokenParameter))
            .Select(s => s[..Array.IndexOf(s, TokenParameter)])
            .DistinctBy(p => string.Join('/', p), StringComparer.OrdinalIgnoreCase),
    ];

    /// <summary>The excludedPaths entry that lets a route through.</summary>
    public static string ExcludedPath(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var parameter = route.IndexOf('{', StringComparison.Ordinal);
        if (parameter < 0)
        {
            return "/" + route;
        }

        if (parameter == 0 || route[parameter - 1] != '/')
        {
            throw new ArgumentException("A parameter must be a whole path segment after a literal one: " + route, nameof(route));
        }

        return "/" + route[..parameter] + "*";
    }

    /// <summary>
    /// The request's path and query as they may be logged: the segment after a token route's prefix
    /// and every query value whose name contains "token" become <see cref="Redacted"/>.
    /// </summary>
    /// <remarks>
    /// Redacted by position rather than by a matched endpoint, so a mistyped or truncated link
    /// ("/review/{token}/x", a 404) is redacted too.
    /// </remarks>
    public static string Redact(PathString path, QueryString query)
    {
        var segments = (path.Value ?? "").Split('/');
        foreach (var prefix in TokenPrefixes)
        {
            // segments[0] is the empty text before the leading slash.
            if (segments.Length > prefix.Length + 1
                && prefix.Select((literal, i) => string.Equals(literal, segments[i + 1], StringComparison.OrdinalIgnoreCase)).All(m => m))
            {
                segments[prefix.Length + 1] = Redacted;
            }
        }

        var text = new StringBuilder(string.Join('/', segments));
        if (query.HasValue)
        {
            var separator = '?';
            foreach (var pair in query.Value!.TrimStart('?').Split('&'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                text.Append(separator).Append(name);
                if (equals >= 0)
                {
                    text.Append('=').Append(Uri.UnescapeDataString(name).Contains("token", StringComparison.OrdinalIgnoreCase) ? Redacted : pair[(equals + 1)..]);
                }

                separator = '&';
            }
        }

        return text.ToString();
    }

    static IEnumerable<string> RouteFields(bool anonymous) =>
        typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(Routes.FunctionsRoot) && f.IsDefined(typeof(AnonymousAttribute)) == anonymous)
            .Select(f => (string)f.GetRawConstantValue()!);
}
