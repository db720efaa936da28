using System.Text.Json.Nodes;

namespace Experimenten.Tests.Infrastructure;

/// <summary>A copy of the test seeds with its calls changed, for a host's <c>Seeds:Path</c>: one test's call of its own.</summary>
public static class TestSeeds
{
    public static string CopyWith(Action<JsonArray> changeCalls)
    {
        ArgumentNullException.ThrowIfNull(changeCalls);
        var folder = Path.Combine(Path.GetTempPath(), "seeds-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "test-seeds")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var path = Path.Combine(folder, "calls.json");
        var calls = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        changeCalls(calls);
        File.WriteAllText(path, calls.ToJsonString());
        return folder;
    }

    /// <summary>The call of this id in a seeds' calls.</summary>
    public static JsonNode Call(this JsonArray calls, string id) =>
        calls.First(c => c!["id"]!.GetValue<string>() == id)!;
}
