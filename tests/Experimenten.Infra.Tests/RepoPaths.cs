namespace Experimenten.Infra.Tests;

internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries that holds azure.yaml and infra/main.bicep.</summary>
    public static string Root => LazyRoot.Value;

    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "azure.yaml"))
                && System.IO.File.Exists(Path.Combine(dir.FullName, "infra", "main.bicep")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No ancestor of " + AppContext.BaseDirectory + " contains azure.yaml and infra/main.bicep.");
    }
}
