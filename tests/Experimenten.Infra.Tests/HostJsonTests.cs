using System.Globalization;
using System.Text.Json.Nodes;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class HostJsonTests(TemplateFixture fixture)
{
    private static readonly JsonNode Host = JsonNode.Parse(File.ReadAllText(RepoPaths.File("host.json")))!;

    private static readonly string[] QuietLevels = ["Warning", "Error", "Critical", "None"];

    private static JsonNode? StorageProvider => Host["extensions"]?["durableTask"]?["storageProvider"];

    [Fact]
    public void Routes_have_no_prefix_so_the_api_lives_under_api_and_pages_at_the_root()
    {
        Assert.Equal("2.0", (string?)Host["version"]);
        Assert.Equal("", (string?)Host["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public void Task_hub_name_comes_from_the_TaskHubName_app_setting()
    {
        Assert.Equal("%TaskHubName%", (string?)Host["extensions"]?["durableTask"]?["hubName"]);
        Assert.True(fixture.CompiledTemplate.SiteConfig("appsettings").Properties.ContainsKey("TaskHubName"));
    }

    [Fact]
    public void Azure_storage_backend_has_an_explicit_partition_count_and_polling_ceiling()
    {
        var partitions = StorageProvider?["partitionCount"]?.GetValue<int>();
        var polling = TimeSpan.ParseExact((string)StorageProvider!["maxQueuePollingInterval"]!, "c", CultureInfo.InvariantCulture);

        Assert.InRange(partitions ?? 0, 1, 16);
        Assert.InRange(polling, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Logging_samples_and_never_logs_request_urls()
    {
        var logLevel = Host["logging"]?["logLevel"];

        Assert.True(Host["logging"]?["applicationInsights"]?["samplingSettings"]?["isEnabled"]?.GetValue<bool>());
        Assert.Equal("Information", (string?)logLevel?["default"]);
        Assert.Equal("Information", (string?)logLevel?["Function"]);
        // "Request starting GET /review/{token}?..." is logged at Information by this category.
        Assert.Contains((string?)logLevel?["Microsoft.AspNetCore.Hosting.Diagnostics"], QuietLevels);
        Assert.False(Host["extensions"]?["durableTask"]?["tracing"]?["traceInputsAndOutputs"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public void Request_telemetry_carries_no_urls_and_so_no_link_tokens()
    {
        var collection = Host["logging"]?["applicationInsights"]?["httpAutoCollectionOptions"];
        var logLevel = Host["logging"]?["logLevel"];

        // On by default: the host would record every HTTP trigger's full URL (path and query) on its request telemetry.
        Assert.False(collection?["enableHttpTriggerExtendedInfoCollection"]?.GetValue<bool>() ?? true);
        // The routing matcher names the request path at Debug.
        Assert.Contains((string?)logLevel?["Microsoft.AspNetCore.Routing"], QuietLevels);
        Assert.Contains((string?)logLevel?["Microsoft.AspNetCore.Hosting.Diagnostics"], QuietLevels);

        // The worker's own Application Insights SDK would send worker logs past these host.json
        // filters, and it is not needed: the host sends the logs (the worker exports only its
        // OpenTelemetry traces and metrics, with the link tokens redacted).
        var project = File.ReadAllText(RepoPaths.File("functions", "Experimenten.Functions", "Experimenten.Functions.csproj"));
        Assert.DoesNotContain("Microsoft.Azure.Functions.Worker.ApplicationInsights", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.ApplicationInsights", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_guide_explains_the_chosen_values()
    {
        var guide = File.ReadAllText(RepoPaths.File("docs", "deploy.md"));
        var section = guide[guide.IndexOf("## host.json choices", StringComparison.Ordinal)..];
        var partitions = StorageProvider!["partitionCount"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        var polling = (string)StorageProvider["maxQueuePollingInterval"]!;

        Assert.Contains("`partitionCount`: " + partitions, section, StringComparison.Ordinal);
        Assert.Contains("`maxQueuePollingInterval`: " + polling, section, StringComparison.Ordinal);
    }
}
