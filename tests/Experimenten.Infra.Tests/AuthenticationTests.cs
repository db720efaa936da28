using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Experimenten.Http;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class AuthenticationTests(TemplateFixture fixture)
{
    private ArmResource Auth => fixture.CompiledTemplate.SiteConfig("authsettingsV2");

    [Fact]
    public void Authentication_is_on_and_required_by_default()
    {
        Assert.True(Auth.Get("properties", "platform", "enabled")?.GetValue<bool>());
        Assert.True(Auth.Get("properties", "globalValidation", "requireAuthentication")?.GetValue<bool>());
        Assert.NotEqual("AllowAnonymous", (string?)Auth.Get("properties", "globalValidation", "unauthenticatedClientAction"));
    }

    [Fact]
    public void Exactly_the_anonymous_routes_of_the_code_are_excluded()
    {
        var expected = PublicRoutes.ExcludedPaths;
        var excluded = ExcludedPaths().Order(StringComparer.Ordinal).ToList();

        Assert.True(
            expected.SequenceEqual(excluded, StringComparer.Ordinal),
            "infra/app/public-paths.json must list the excluded paths of Routes.cs. Put this there:\n"
                + JsonSerializer.Serialize(expected) + "\nThe compiled template has:\n" + JsonSerializer.Serialize(excluded));
    }

    [Fact]
    public void Every_anonymous_route_of_the_code_is_reachable_without_a_sign_in()
    {
        var excluded = ExcludedPaths();

        Assert.NotEmpty(PublicRoutes.Anonymous);
        foreach (var route in PublicRoutes.Anonymous)
        {
            var path = SamplePath(route);
            Assert.True(excluded.Any(p => SurelyMatches(p, path)), route + " (" + path + ") needs a sign-in in Azure");
        }
    }

    [Fact]
    public void No_coordinator_route_of_the_code_is_excluded()
    {
        var excluded = ExcludedPaths();

        Assert.NotEmpty(PublicRoutes.Protected);
        foreach (var route in PublicRoutes.Protected)
        {
            var path = SamplePath(route);
            Assert.False(excluded.Any(p => MayMatch(p, path)), route + " (" + path + ") would be reachable without a sign-in");
        }
    }

    [Fact]
    public void Every_route_is_either_anonymous_or_a_coordinator_route()
    {
        // A new route must be marked [Anonymous] or live under the coordinator prefixes; an unmarked
        // applicant route would silently need an Entra ID sign-in in Azure.
        Assert.All(PublicRoutes.Protected, route => Assert.True(
            route == Routes.CoordinatorDashboard || route.StartsWith(Routes.CoordinatorDashboard + "/", StringComparison.Ordinal)
                || route.StartsWith("api/coordinator/", StringComparison.Ordinal),
            route + " is neither [Anonymous] nor a coordinator route"));
        Assert.DoesNotContain(PublicRoutes.Anonymous, route => route.Contains("coordinator", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Wildcards_only_end_an_entry_after_a_slash()
    {
        // App Service supports a wildcard only as the last segment; "/api/app*" would also match
        // whatever sibling starts with the same letters.
        Assert.All(ExcludedPaths(), p =>
        {
            Assert.StartsWith("/", p, StringComparison.Ordinal);
            var star = p.IndexOf('*', StringComparison.Ordinal);
            Assert.True(star < 0 || (star == p.Length - 1 && p[star - 1] == '/'), p);
        });
    }

    [Theory]
    [InlineData("/api/coordinator")]
    [InlineData("/api/coordinator/applications")]
    [InlineData("/api/coordinator/applications/abc/deadline")]
    [InlineData("/API/Coordinator/applications")]
    [InlineData("/coordinator")]
    [InlineData("/coordinator/")]
    [InlineData("/coordinator/applications")]
    [InlineData("/coordinator/sign-in")]
    [InlineData("/coordinator/sign-out")]
    [InlineData("/dev/mail")]
    [InlineData("/runtime/webhooks/durabletask/instances")]
    [InlineData("/admin/host/status")]
    public void Coordinator_and_runtime_routes_stay_protected(string path)
    {
        Assert.DoesNotContain(ExcludedPaths(), pattern => MayMatch(pattern, path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/api/calls")]
    [InlineData("/api/applications")]
    [InlineData("/api/applications/exp-42")]
    [InlineData("/api/applications/exp-42/withdraw")]
    [InlineData("/status/some-token")]
    [InlineData("/status/some-token/contact")]
    [InlineData("/review/some-token")]
    [InlineData("/plan/some-token")]
    [InlineData("/revision/some-token")]
    [InlineData("/report/some-token")]
    [InlineData("/assets/site.css")]
    public void Applicant_and_reviewer_routes_are_public(string path)
    {
        Assert.Contains(ExcludedPaths(), pattern => SurelyMatches(pattern, path));
    }

    [Fact]
    public void Deploy_guide_lists_the_public_paths()
    {
        var guide = File.ReadAllText(RepoPaths.File("docs", "deploy.md"));

        Assert.All(PublicRoutes.ExcludedPaths, p => Assert.Contains("`" + p + "`", guide, StringComparison.Ordinal));
        Assert.DoesNotContain("`/upload/*`", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_id_provider_uses_the_app_registration_parameter_and_no_client_secret()
    {
        var aad = Auth.Get("properties", "identityProviders", "azureActiveDirectory")!;
        var apiModule = fixture.CompiledTemplate.Module("api");

        Assert.True(aad["enabled"]?.GetValue<bool>());
        Assert.Equal("[parameters('authClientId')]", (string?)aad["registration"]?["clientId"]);
        Assert.Equal("[parameters('authClientId')]", (string?)apiModule.Get("properties", "parameters", "authClientId", "value"));
        Assert.Contains("environment().authentication.loginEndpoint", (string?)aad["registration"]?["openIdIssuer"] ?? "", StringComparison.Ordinal);
        var text = Auth.Node.ToJsonString();
        Assert.DoesNotContain("clientSecretSettingName", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("clientSecretCertificate", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sasUrlSettingName", text, StringComparison.OrdinalIgnoreCase);
    }

    private List<string> ExcludedPaths()
    {
        var node = Auth.Get("properties", "globalValidation", "excludedPaths");
        var array = Assert.IsType<JsonArray>(node);
        return [.. array.Select(p => (string)p!)];
    }

    /// <summary>
    /// App Service authentication as documented: an entry matches its path exactly (case-insensitive),
    /// or, ending in "/*", every path under it. Used to prove a route is reachable.
    /// </summary>
    private static bool SurelyMatches(string pattern, string path) =>
        pattern.EndsWith("/*", StringComparison.Ordinal)
            ? path.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A generous reading, used to prove a route is protected: "*" anywhere matches anything, a
    /// trailing slash and letter case are ignored, and "/*" also matches the bare prefix.
    /// </summary>
    private static bool MayMatch(string pattern, string path)
    {
        var regex = "^" + Regex.Escape(pattern.TrimEnd('/')).Replace("/\\*", "(/.*)?", StringComparison.Ordinal).Replace("\\*", ".*", StringComparison.Ordinal) + "/?$";
        return Regex.IsMatch(path, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>A request path for a route template, with a value in every parameter.</summary>
    private static string SamplePath(string route) =>
        "/" + string.Join('/', route.Split('/').Select(s => s switch
        {
            "{token}" => "v1.eyJwdXJwb3NlIjoxfQ.c2lnbmF0dXJl",
            "{id}" => "exp-abc",
            ['{', ..] when s.Contains(":int", StringComparison.Ordinal) => "1",
            ['{', ..] => "x",
            _ => s,
        }));
}
