namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class AppSettingsTests(TemplateFixture fixture)
{
    private const string IdentityClientId = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))";

    private Dictionary<string, string> Settings
    {
        get
        {
            var config = fixture.CompiledTemplate.SiteConfig("appsettings");
            return config.Properties.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
        }
    }

    [Fact]
    public void App_settings_live_only_in_the_appsettings_resource()
    {
        // A second list in siteConfig.appSettings would be overwritten by (or overwrite) the first.
        var site = fixture.CompiledTemplate.SingleOf("Microsoft.Web/sites");
        Assert.Null(site.Get("properties", "siteConfig", "appSettings"));
    }

    [Fact]
    public void Functions_host_storage_is_identity_based()
    {
        var settings = Settings;

        Assert.Contains("primaryEndpoints.blob", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        AssertIsIdentityClientId(settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
            && k != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void Application_settings_the_code_reads_are_all_present()
    {
        var settings = Settings;
        string[] required =
        [
            "Storage__BlobServiceUri", "Storage__TableServiceUri", "Storage__QueueServiceUri", "Storage__ClientId",
            "Links__SigningKey", "Links__BaseUrl", "SendGrid__ApiKey", "SendGrid__DataResidency",
            "Email__From", "Email__FromName", "Email__CoordinatorAddress", "Fund__TimeZone", "TaskHubName",
            "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        ];

        Assert.DoesNotContain(required, name => !settings.ContainsKey(name));
        Assert.Contains("primaryEndpoints.blob", settings["Storage__BlobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", settings["Storage__TableServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", settings["Storage__QueueServiceUri"], StringComparison.Ordinal);
        AssertIsIdentityClientId(settings["Storage__ClientId"]);
        AssertIsIdentityClientId(settings["AZURE_CLIENT_ID"]);
        Assert.Equal("Experimenten", settings["Email__FromName"]);
        Assert.StartsWith("[format('https://{0}'", settings["Links__BaseUrl"], StringComparison.Ordinal);
        Assert.Equal("[parameters('sendGridDataResidency')]", settings["SendGrid__DataResidency"]);
        Assert.Equal("[parameters('timeZone')]", settings["Fund__TimeZone"]);
    }

    [Fact]
    public void Application_insights_is_reached_with_the_identity_not_a_key()
    {
        var authentication = Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

        Assert.StartsWith("[format('Authorization=AAD;ClientId={0}', ", authentication, StringComparison.Ordinal);
        AssertIsIdentityClientId(authentication);
    }

    [Fact]
    public void Application_insights_connection_string_is_the_resources_own_with_no_key_based_authentication()
    {
        // Only the ingestion endpoint and instrumentation key (an identifier, which grants nothing with local
        // auth off); never a hand-made string that could carry a key or an Authorization part of its own.
        var connection = Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"];

        Assert.StartsWith("[reference(resourceId('Microsoft.Insights/components', parameters('applicationInsightsName')), ", connection, StringComparison.Ordinal);
        Assert.EndsWith(").ConnectionString]", connection, StringComparison.Ordinal);
        Assert.True((bool?)fixture.CompiledTemplate.SingleOf("Microsoft.Insights/components").Get("properties", "DisableLocalAuth"));
    }

    [Fact]
    public void Every_setting_named_like_a_key_or_secret_is_a_key_vault_reference()
    {
        var secretLike = Settings
            .Where(s => s.Key.Contains("key", StringComparison.OrdinalIgnoreCase) || s.Key.Contains("secret", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Contains(secretLike, s => s.Key == "SendGrid__ApiKey");
        Assert.Contains(secretLike, s => s.Key == "Links__SigningKey");
        foreach (var (name, value) in secretLike)
        {
            Assert.Contains("@Microsoft.KeyVault(VaultName=", value, StringComparison.Ordinal);
            Assert.Contains(";SecretName=" + name.Replace("__", "--", StringComparison.Ordinal) + ")", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Key_vault_references_point_at_the_deployed_vault()
    {
        var settings = Settings;
        var vaultName = (string)fixture.CompiledTemplate.Module("keyvault").Get("properties", "parameters", "name", "value")!;
        var passedToApi = (string?)fixture.CompiledTemplate.Module("api").Get("properties", "parameters", "keyVaultName", "value");

        Assert.Equal(vaultName, passedToApi);
        Assert.Contains("parameters('keyVaultName')", settings["SendGrid__ApiKey"], StringComparison.Ordinal);
        Assert.Contains("parameters('keyVaultName')", settings["Links__SigningKey"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_TIME_ZONE")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    public void Settings_that_flex_consumption_rejects_or_that_carry_keys_are_absent(string name)
    {
        Assert.DoesNotContain(name, Settings.Keys);
    }

    [Fact]
    public void Task_hub_name_setting_is_a_valid_task_hub_name()
    {
        var api = fixture.CompiledTemplate.SingleOf("Microsoft.Web/sites").DeclaringTemplate;
        Assert.Equal("[parameters('taskHubName')]", Settings["TaskHubName"]);
        var name = (string?)api["parameters"]?["taskHubName"]?["defaultValue"];

        Assert.NotNull(name);
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", name);
    }

    private static void AssertIsIdentityClientId(string expression)
    {
        Assert.Contains("reference(" + IdentityClientId + ", ", expression, StringComparison.Ordinal);
        Assert.Contains(").clientId", expression, StringComparison.Ordinal);
    }
}
