using Experimenten.Calls;
using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost;

/// <summary>
/// <c>import-seeds [folder]</c>: loads calls.json and panel.json (this build's seeds/ by default) into the storage the
/// settings name, each call and reviewer only if it is not stored yet, and prints what was new. The way to fill a
/// new installation on Azure (Storage__BlobServiceUri and Storage__TableServiceUri with a signed-in identity, see
/// docs/deploy.md), or to move an installation of 1.0.0, whose calls were files, into storage.
/// </summary>
static class ImportCommand
{
    public const string Name = "import-seeds";

    public static async Task<int> RunAsync(string[] args)
    {
        // import-seeds [folder] [--Setting=value ...]: the settings as the host itself takes them.
        var given = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var settings = new HostApplicationBuilderSettings { Args = [.. args.Skip(1).Where(a => a != given)], ContentRootPath = AppContext.BaseDirectory };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Services.AddExperimentenCore();
        using var host = builder.Build();
        var folder = given is not null
            ? Path.GetFullPath(given)
            : host.Services.GetRequiredService<IOptions<SeedOptions>>().Value.Path;
        if (!File.Exists(Path.Combine(folder, "calls.json")) && !File.Exists(Path.Combine(folder, "panel.json")))
        {
            await Console.Error.WriteLineAsync($"No calls.json or panel.json in {folder}.");
            return 2;
        }

        await host.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        var (calls, reviewers) = await host.Services.GetRequiredService<SeedImport>().ImportAsync(folder, CancellationToken.None);
        Console.WriteLine($"Imported from {folder}: {calls} new calls, {reviewers} new reviewers (those already stored were left as they are).");
        return 0;
    }
}
