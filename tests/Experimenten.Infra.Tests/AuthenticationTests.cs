using System.Text.Json.Nodes;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class AuthenticationTests(TemplateFixture fixture)
{
    private static readonly string[] PublicPaths =
    [
        "/", "/healthz", "/api/calls", "/api/applications", "/api/applications/*",
        "/review/*", "/status/*", "/upload/*", "/assets/*",
    ];

    private ArmResource Auth => fixture.CompiledTemplate.SiteConfig("authsettingsV2");

    [Fact]
    public void Authentication_is_on_and_required_by_default()
    {
        Assert.True(Auth.Get("properties", "platform", "enabled")?.GetValue<bool>());
        Assert.True(Auth.Get("properties", "globalValidation", "requireAuthentication")?.GetValue<bool>());
        Assert.NotEqual("AllowAnonymous", (string?)Auth.Get("properties", "globalValidation", "unauthenticatedClientAction"));
    }

    [Fact]
    public void Exactly_the_public_routes_are_excluded()
    {
        var excluded = ExcludedPaths();

        Assert.Equal(PublicPaths.Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/coordinator/applications")]
    [InlineData("/api/coordinator/applications/abc/deadline")]
    [InlineData("/coordinator")]
    [InlineData("/coordinator/")]
    [InlineData("/coordinator/applications")]
    [InlineData("/runtime/webhooks/durabletask/instances")]
    public void Coordinator_and_runtime_routes_stay_protected(string path)
    {
        Assert.DoesNotContain(ExcludedPaths(), pattern => Matches(pattern, path));
    }

    [Theory]
    [InlineData("/review/some-token")]
    [InlineData("/status/some-token")]
    [InlineData("/upload/some-token")]
    [InlineData("/api/applications/42")]
    [InlineData("/healthz")]
    public void Applicant_and_reviewer_routes_are_public(string path)
    {
        Assert.Contains(ExcludedPaths(), pattern => Matches(pattern, path));
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

    /// <summary>App Service authentication matching: a path is excluded if equal to an entry or under an entry ending in "/*".</summary>
    private static bool Matches(string pattern, string path)
    {
        if (pattern.EndsWith("/*", StringComparison.Ordinal))
        {
            return path.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return pattern == "*" || pattern.Contains('*', StringComparison.Ordinal)
            || string.Equals(pattern.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            || (pattern == "/" && path == "/");
    }
}
