using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>Reads the metadata the Azure Functions worker SDK generated at build time.</summary>
public sealed class FunctionsMetadataTests
{
    static readonly JsonElement[] Functions = JsonSerializer.Deserialize<JsonElement[]>(
        File.ReadAllText(Path.Combine(Repo.Output("Experimenten.Functions"), "functions.metadata")))!;

    static JsonElement Trigger(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Theory]
    [InlineData("Health", "get", "healthz")]
    [InlineData("Ready", "get", "readyz")]
    [InlineData("OpenApi", "get", "openapi/v1.json")]
    [InlineData("ListCalls", "get", "api/calls")]
    [InlineData("SubmitApplication", "post", "api/applications")]
    [InlineData("GetApplication", "get", "api/applications/{id}")]
    [InlineData("StatusPage", "get", "status/{token}")]
    [InlineData("Asset", "get", "assets/{name}")]
    [InlineData("ReviewPage", "get", "review/{token}")]
    [InlineData("ReviewDecision", "post", "review/{token}")]
    [InlineData("PlanDownload", "get", "plan/{token}")]
    [InlineData("RevisionUpload", "post", "revision/{token}")]
    [InlineData("ReportUpload", "post", "report/{token}")]
    [InlineData("Withdraw", "post", "api/applications/{id}/withdraw")]
    [InlineData("CoordinatorList", "get", "api/coordinator/applications")]
    [InlineData("CoordinatorDeadline", "post", "api/coordinator/applications/{id}/deadline")]
    [InlineData("CoordinatorReportAccept", "post", "api/coordinator/applications/{id}/reports/{number:int}/accept")]
    [InlineData("StatusWithdraw", "post", "status/{token}/withdraw")]
    [InlineData("StatusContact", "post", "status/{token}/contact")]
    [InlineData("CoordinatorDashboard", "get", "coordinator")]
    [InlineData("CoordinatorPage", "get", "coordinator/applications/{id}")]
    [InlineData("CoordinatorPageAction", "post", "coordinator/applications/{id}/{action}")]
    [InlineData("CoordinatorPageReport", "post", "coordinator/applications/{id}/reports/{number:int}/{verdict}")]
    public void Http_functions_have_the_contract_routes(string function, string method, string route)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Every_route_of_the_code_is_an_http_function_and_the_anonymous_ones_need_no_function_key()
    {
        // Functions has no empty route, so the form at the root is mapped as FunctionsRoot.
        static string AsTrigger(string route) => route == Http.Routes.Form ? Http.Routes.FunctionsRoot : route;
        var routes = Functions.Select(f => f.GetProperty("bindings").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Where(b => b.ValueKind == JsonValueKind.Object)
            .Select(b => (Route: b.GetProperty("route").GetString(), Auth: b.GetProperty("authLevel").GetString()))
            .ToList();

        Assert.All(Http.PublicRoutes.Anonymous.Concat(Http.PublicRoutes.Protected), route =>
        {
            var mapped = routes.Where(r => r.Route == AsTrigger(route)).ToList();
            Assert.True(mapped.Count > 0, "no HTTP function for " + route);
            Assert.All(mapped, r => Assert.Equal("Anonymous", r.Auth));
        });
    }

    [Fact]
    public void The_Functions_host_starts_new_instances_on_the_current_orchestration_version_and_leaves_newer_ones_alone()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Output("Experimenten.Functions"), "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal(Orchestrations.OrchestrationVersions.Current, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }

    [Theory]
    [InlineData("SubmitApplication")]
    [InlineData("StartRetention")]
    [InlineData("EraseApplication")]
    public void Functions_that_start_or_purge_instances_get_a_durable_client(string function)
    {
        var bindings = Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray();
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void The_submission_function_gets_a_durable_client()
    {
        var bindings = Functions.Single(f => f.GetProperty("name").GetString() == "SubmitApplication").GetProperty("bindings").EnumerateArray();
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Theory]
    [InlineData("ApplicationLifecycle", "orchestrationTrigger")]
    [InlineData("SendEmail", "activityTrigger")]
    [InlineData("RecordProgress", "activityTrigger")]
    [InlineData("Advance", "activityTrigger")]
    [InlineData("ReviewRound", "orchestrationTrigger")]
    [InlineData("ReportCycle", "orchestrationTrigger")]
    [InlineData("RecordNote", "activityTrigger")]
    [InlineData("RecordReviewers", "activityTrigger")]
    [InlineData("RecordReport", "activityTrigger")]
    [InlineData("Retention", "orchestrationTrigger")]
    [InlineData("StartRetention", "activityTrigger")]
    public void Orchestrators_and_activities_carry_the_core_class_names(string function, string trigger) =>
        Assert.Equal(trigger, Trigger(function).GetProperty("type").GetString());

    [Fact]
    public void Every_orchestrator_and_activity_of_the_core_exists_as_a_function()
    {
        // Found by reflection, so a new orchestrator or activity without its Functions adapter fails here.
        static bool IsDurableTask(Type t) => !t.IsAbstract
            && (typeof(Microsoft.DurableTask.ITaskOrchestrator).IsAssignableFrom(t) || typeof(Microsoft.DurableTask.ITaskActivity).IsAssignableFrom(t));
        var tasks = typeof(Orchestrations.ApplicationLifecycle).Assembly.GetTypes().Where(IsDurableTask).Select(t => t.Name).ToList();
        var names = Functions.Select(f => f.GetProperty("name").GetString()).ToHashSet();
        Assert.True(tasks.Count >= 8, string.Join(", ", tasks));
        Assert.All(tasks, t => Assert.Contains(t, names));
    }
}
