using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// At build time Microsoft.Extensions.ApiDescription.Server runs Program with a server that listens nowhere, to
/// write <c>docs/api/openapi.json</c>. It starts the host, so without this the embedded durable runtime would
/// reach for storage and the start-up checks would refuse the missing coordinator password: neither belongs
/// to describing the routes, and the build machine has neither Azurite nor secrets.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>True inside the build's document generator (its entry assembly, as Microsoft's docs name it).</summary>
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void WithoutRuntime(this IServiceCollection services)
    {
        services.RemoveAll<IHostedService>();
        services.RemoveAll<IStartupValidator>();
    }
}
