using System.Text.Json.Nodes;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class ResourceSecurityTests(TemplateFixture fixture)
{
    private ArmTemplate Template => fixture.CompiledTemplate;

    [Fact]
    public void Storage_account_refuses_shared_keys_and_public_blobs_and_old_tls()
    {
        var account = Template.SingleOf("Microsoft.Storage/storageAccounts");

        Assert.False(Bool(account, "allowSharedKeyAccess"));
        Assert.False(Bool(account, "allowBlobPublicAccess"));
        Assert.True(Bool(account, "supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", (string?)account.Get("properties", "minimumTlsVersion"));
    }

    [Fact]
    public void Plans_and_reports_containers_exist_and_are_private()
    {
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        foreach (var name in new[] { "plans", "reports" })
        {
            var container = Assert.Single(containers, c => c.Name.Contains("'" + name + "')", StringComparison.Ordinal));
            Assert.Equal("None", (string?)container.Get("properties", "publicAccess"));
        }

        Assert.All(containers, c => Assert.Equal("None", (string?)c.Get("properties", "publicAccess")));
    }

    [Fact]
    public void Application_insights_and_log_analytics_accept_no_local_authentication()
    {
        var insights = Template.SingleOf("Microsoft.Insights/components");
        var workspace = Template.SingleOf("Microsoft.OperationalInsights/workspaces");

        Assert.True(Bool(insights, "DisableLocalAuth"));
        Assert.True(workspace.Get("properties", "features", "disableLocalAuth")?.GetValue<bool>());
    }

    [Fact]
    public void Key_vault_uses_rbac_soft_delete_and_purge_protection_and_the_template_creates_no_secret()
    {
        var vault = Template.SingleOf("Microsoft.KeyVault/vaults");

        Assert.True(Bool(vault, "enableRbacAuthorization"));
        Assert.True(Bool(vault, "enableSoftDelete"));
        Assert.True(Bool(vault, "enablePurgeProtection"));
        Assert.True(vault.Get("properties", "accessPolicies") is null or JsonArray { Count: 0 });
        Assert.Empty(Template.OfType("Microsoft.KeyVault/vaults/secrets"));
        Assert.Empty(Template.OfType("Microsoft.KeyVault/vaults/accessPolicies"));
    }

    [Fact]
    public void Function_app_runs_on_flex_consumption_as_dotnet_isolated_10_with_the_user_assigned_identity()
    {
        var plan = Template.SingleOf("Microsoft.Web/serverfarms");
        var site = Template.SingleOf("Microsoft.Web/sites");
        var identityName = (string)Template.Module("identity").Get("properties", "parameters", "name", "value")!;
        var apiModule = Template.Module("api");
        var uamiId = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))";

        Assert.Equal("FC1", (string?)plan.Get("sku", "name"));
        Assert.Equal("FlexConsumption", (string?)plan.Get("sku", "tier"));
        Assert.Contains("linux", (string)site.Get("kind")!, StringComparison.Ordinal);
        Assert.Equal("dotnet-isolated", (string?)site.Get("properties", "functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", (string?)site.Get("properties", "functionAppConfig", "runtime", "version"));
        Assert.True(Bool(site, "httpsOnly"));

        // The app's identity is the one the role assignments are for: same name expression in both modules.
        Assert.Equal(identityName, (string?)apiModule.Get("properties", "parameters", "identityName", "value"));
        Assert.Equal("UserAssigned", (string?)site.Get("identity", "type"));
        var assigned = Assert.Single(site.Get("identity", "userAssignedIdentities")!.AsObject());
        Assert.Contains(uamiId, assigned.Key, StringComparison.Ordinal);
        Assert.Equal("[" + uamiId + "]", (string?)site.Get("properties", "keyVaultReferenceIdentity"));

        var deploymentStorage = site.Get("properties", "functionAppConfig", "deployment", "storage")!;
        Assert.Equal("blobContainer", (string?)deploymentStorage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)deploymentStorage["authentication"]?["type"]);
        Assert.Equal("[" + uamiId + "]", (string?)deploymentStorage["authentication"]?["userAssignedIdentityResourceId"]);
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("listKeys(")]
    [InlineData("listAccountSas(")]
    [InlineData("listServiceSas(")]
    [InlineData("SharedAccessSignature")]
    [InlineData("InstrumentationKey=")]
    [InlineData("clientSecret")]
    public void No_key_material_in_the_compiled_template_or_its_sources(string forbidden)
    {
        Assert.DoesNotContain(forbidden, fixture.Build.StandardOutput, StringComparison.OrdinalIgnoreCase);

        var sources = Directory.EnumerateFiles(RepoPaths.File("infra"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            Assert.False(
                File.ReadAllText(source).Contains(forbidden, StringComparison.OrdinalIgnoreCase),
                Path.GetFileName(source) + " contains " + forbidden);
        }
    }

    private static bool? Bool(ArmResource resource, string property) =>
        resource.Get("properties", property)?.GetValue<bool>();
}
