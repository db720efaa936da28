using System.Reflection;

namespace Experimenten.Testing;

/// <summary>Where the repository and the other projects' build outputs are.</summary>
public static class Repo
{
    public static string Root { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("BuildConfiguration");

    public static string Output(string project) => Path.Combine(Root, "functions", project, "bin", Configuration, "net10.0");

    static string Metadata(string key) => typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == key).Value!;
}
