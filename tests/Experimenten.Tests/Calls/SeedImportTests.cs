using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Experimenten.Calls;
using Experimenten.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Experimenten.Tests.Calls.CallApi;

namespace Experimenten.Tests.Calls;

/// <summary>The seeds are an import into an empty installation, never the source of the calls.</summary>
[Collection(StorageCollection.Name)]
public sealed class SeedImportTests(Azurite azurite)
{
    [Fact]
    public async Task An_installation_that_did_not_import_the_seeds_offers_no_demo_call()
    {
        await using var host = new SelfHostFactory(azurite, b => b.UseSetting("Seeds:Import", "false"));
        var client = await host.StartAsync();
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>(Url("/api/calls")))!);
        Assert.DoesNotContain("value=\"demo\"", await client.GetStringAsync(Url("/")), StringComparison.Ordinal);
        var refused = await client.PostAsync(Url("/api/applications"), new TestApplication().ToContent());
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        // The documented import brings them in, once: the second run finds everything there.
        var import = host.Services.GetRequiredService<SeedImport>();
        var folder = Path.Combine(AppContext.BaseDirectory, "test-seeds");
        var (calls, reviewers) = await import.ImportAsync(folder, default);
        Assert.True(calls > 0 && reviewers > 0);
        Assert.Equal((0, 0), await import.ImportAsync(folder, default));
        Assert.Contains("value=\"demo\"", await client.GetStringAsync(Url("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_again_never_undoes_what_a_coordinator_changed()
    {
        await using var host = new SelfHostFactory(azurite);
        await host.StartAsync();
        var coordinator = host.CoordinatorClient();
        var demo = await ReadAsync(await coordinator.GetAsync(Url("/api/coordinator/calls/demo")));
        demo["maxBudget"] = 1234;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await coordinator.PutAsync(Url("/api/coordinator/calls/demo"), JsonContent.Create(demo))).StatusCode);

        await host.Services.GetRequiredService<SeedImport>().ImportAsync(Path.Combine(AppContext.BaseDirectory, "test-seeds"), default);
        Assert.Equal(1234, (await ReadAsync(await coordinator.GetAsync(Url("/api/coordinator/calls/demo"))))["maxBudget"]!.GetValue<int>());
    }
}
