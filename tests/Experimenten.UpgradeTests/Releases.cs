using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Experimenten.UpgradeTests;

/// <summary>A release as <c>releases.json</c> records it: the commit whose code is that release (docs/releases.md).</summary>
public sealed record Release(string Version, string Commit, DateOnly Date);

/// <summary><c>releases.json</c> at the repository's root, oldest first.</summary>
public static partial class Releases
{
    public static string File => Path.Combine(Repo.Root, "releases.json");

    public static IReadOnlyList<Release> Load(string? path = null)
    {
        path ??= File;
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: it names the releases the upgrade test starts from (docs/releases.md).");
        }

        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("releases", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"{path}: expected {{ \"releases\": [ {{ \"version\", \"commit\", \"date\" }}, … ] }} with at least one release.");
        }

        var releases = new List<Release>();
        foreach (var entry in list.EnumerateArray())
        {
            string Field(string name) => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
                ? value.GetString()!
                : throw new InvalidOperationException($"{path}: release {releases.Count + 1} has no \"{name}\".");

            var commit = Field("commit");
            if (!FullSha().IsMatch(commit))
            {
                throw new InvalidOperationException($"{path}: release {Field("version")} names commit \"{commit}\": write the full 40-character sha (git rev-parse <commit>).");
            }

            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidOperationException($"{path}: release {Field("version")} has date \"{Field("date")}\": write yyyy-MM-dd.");
            }

            releases.Add(new Release(Field("version"), commit.ToLowerInvariant(), date));
        }

        return releases;
    }

    /// <summary>The release an upgrade starts from: the newest, which is the last entry.</summary>
    public static Release Previous(string? path = null) => Load(path)[^1];

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex FullSha();
}
