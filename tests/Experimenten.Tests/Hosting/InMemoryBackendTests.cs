using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>The in-memory durable backend (tests only) runs the same lifecycle as Azure Storage.</summary>
[Collection(StorageCollection.Name)]
public sealed class InMemoryBackendTests(Azurite azurite)
{
    [Fact]
    public async Task The_lifecycle_runs_on_the_in_memory_backend_too()
    {
        await using var host = new SelfHostFactory(azurite, backend: "InMemory");
        var client = await host.StartAsync();

        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().ToContent());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var mail = await host.WaitForKindAsync(id, "Received", 2);
        Assert.Equal(["anna@example.org", "bram@example.org"], mail.Select(m => m.To).Order());
    }
}
