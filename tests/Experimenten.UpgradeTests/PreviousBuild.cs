using System.Diagnostics;
using System.Text;

namespace Experimenten.UpgradeTests;

/// <summary>
/// The self-host of a release, built from its commit without touching the working tree: <c>git archive</c> of the
/// commit into <c>artifacts/upgrade/{sha}/src</c> (git-ignored), then <c>dotnet build -c Release</c> there with the
/// machine's NuGet cache. The build is kept, keyed by the commit, so a second run starts at once.
/// </summary>
public static class PreviousBuild
{
    public static string Folder(Release release) => Path.Combine(Repo.Root, "artifacts", "upgrade", release.Commit);

    /// <summary>The folder holding that release's <c>Experimenten.SelfHost.dll</c>, built if it is not there yet.</summary>
    public static async Task<(string Output, TimeSpan BuildTime)> EnsureAsync(Release release, Action<string> log)
    {
        var folder = Folder(release);
        var source = Path.Combine(folder, "src");
        var output = Path.Combine(source, "functions", "Experimenten.SelfHost", "bin", "Release", "net10.0");
        var stamp = Path.Combine(folder, "built");
        if (File.Exists(stamp) && File.Exists(Path.Combine(output, "Experimenten.SelfHost.dll")))
        {
            log($"release {release.Version} ({release.Commit[..10]}): using the build in {output}");
            return (output, TimeSpan.Zero);
        }

        await CheckCommitAsync(release);
        var watch = Stopwatch.StartNew();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(source);
        await RunAsync("bash", ["-c", "set -o pipefail; git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"", "archive", Repo.Root, release.Commit, source], Repo.Root);

        // Warnings are not errors here: a newer SDK or analyzer may warn about code that was clean when it was released.
        // No OpenAPI document at build time and no build servers left running afterwards.
        await RunAsync("dotnet", ["build", "functions/Experimenten.SelfHost", "-c", "Release", "--nologo", "-v", "quiet", "-clp:ErrorsOnly",
            "--disable-build-servers", "-p:TreatWarningsAsErrors=false", "-p:OpenApiGenerateDocuments=false"], source);
        await File.WriteAllTextAsync(stamp, $"{release.Version} {release.Commit} built {DateTimeOffset.UtcNow:O} in {watch.Elapsed}\n");
        log($"release {release.Version} ({release.Commit[..10]}): built in {watch.Elapsed.TotalSeconds:F0} s into {output}");
        return (output, watch.Elapsed);
    }

    /// <summary>A missing commit fails the test with what to do: never a silent skip.</summary>
    static async Task CheckCommitAsync(Release release)
    {
        var (code, _) = await TryRunAsync("git", ["-C", Repo.Root, "cat-file", "-e", release.Commit + "^{commit}"], Repo.Root);
        if (code == 0)
        {
            return;
        }

        var (_, shallow) = await TryRunAsync("git", ["-C", Repo.Root, "rev-parse", "--is-shallow-repository"], Repo.Root);
        throw new InvalidOperationException(
            $"The upgrade test starts from release {release.Version}, commit {release.Commit} (releases.json), and this clone does not have that commit" +
            (shallow.Trim() == "true"
                ? ": it is a shallow clone. Fetch the full history (`git fetch --unshallow`, or clone without --depth; in CI: fetch-depth 0) and run again."
                : ". Fetch the full history (`git fetch origin`), or correct the commit in releases.json."));
    }

    static async Task RunAsync(string file, string[] arguments, string directory)
    {
        var (code, output) = await TryRunAsync(file, arguments, directory);
        if (code != 0)
        {
            throw new InvalidOperationException($"`{file} {string.Join(' ', arguments)}` in {directory} failed ({code}):\n{output}");
        }
    }

    static async Task<(int Code, string Output)> TryRunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // dotnet test hands MSBuild's own variables to its test host; a nested build must find its SDK afresh.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        lock (lines)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
