using System.Text.Json;

namespace Experimenten.Domain;

/// <summary>The calls and the review panel, read once from the seed files both hosts ship.</summary>
public sealed class CallCatalog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CallCatalog(IReadOnlyList<Call> calls, Panel panel)
    {
        Calls = calls;
        Panel = panel;
    }

    public IReadOnlyList<Call> Calls { get; }

    public Panel Panel { get; }

    public Call? Find(string? id) => Calls.FirstOrDefault(c => c.Id == id);

    public static CallCatalog Load(string folder)
    {
        var calls = JsonSerializer.Deserialize<List<Call>>(File.ReadAllText(Path.Combine(folder, "calls.json")), Json)
            ?? throw new InvalidDataException("seeds/calls.json is empty.");
        var panel = JsonSerializer.Deserialize<Panel>(File.ReadAllText(Path.Combine(folder, "panel.json")), Json)
            ?? throw new InvalidDataException("seeds/panel.json is empty.");
        return new CallCatalog(calls, panel);
    }
}

public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>Folder with calls.json, panel.json and applications.json; the app's own copy by default.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Submit the demo applications at start (self-host). Idempotent through fixed keys.</summary>
    public bool SubmitDemoApplications { get; set; } = true;
}
