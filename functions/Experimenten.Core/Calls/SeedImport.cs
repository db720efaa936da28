using System.Text.Json;
using Experimenten.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Calls;

/// <summary>
/// Loads <c>calls.json</c> and <c>panel.json</c> from a seeds folder into storage: each call and reviewer only if
/// none with its id is stored, so an import never undoes what a coordinator changed, and running it twice does
/// nothing the second time. The <c>demo</c> call exists only where these files were imported. The files are taken as
/// they are (they were written by the fund): only the coordinator's form and API check the rules of <see cref="CallRules"/>.
/// </summary>
public sealed class SeedImport(CallStore calls, PanelStore panel, CallCatalog catalog, TimeProvider time, IOptions<SeedOptions> options, ILogger<SeedImport> log)
{
    public const string Actor = "seeds";

    /// <summary>At start, when the settings ask for it.</summary>
    public async Task ImportIfConfiguredAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Import)
        {
            await ImportAsync(options.Value.Path, cancellationToken);
        }
    }

    /// <summary>Imports the folder's files; how many calls and reviewers were new.</summary>
    public async Task<(int Calls, int Reviewers)> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (newCalls, newReviewers) = (0, 0);
        var callsFile = Path.Combine(folder, "calls.json");
        if (File.Exists(callsFile))
        {
            foreach (var call in ReadCalls(callsFile))
            {
                if ((await calls.SaveAsync(call, 0, Actor, CallChangeKind.Imported, now, cancellationToken)).Saved)
                {
                    newCalls++;
                }
            }
        }

        var panelFile = Path.Combine(folder, "panel.json");
        if (File.Exists(panelFile))
        {
            var order = 0;
            foreach (var reviewer in ReadPanel(panelFile).Reviewers)
            {
                if (await panel.AddAsync(reviewer with { Status = ReviewerStatus.Active }, ++order, Actor, now, cancellationToken))
                {
                    newReviewers++;
                }
            }
        }

        catalog.Invalidate();
        Logs.SeedsImported(log, folder, newCalls, newReviewers);
        return (newCalls, newReviewers);
    }

    /// <summary>What a seeds folder holds, as it would be imported into an empty installation.</summary>
    public static CatalogSnapshot Read(string folder) =>
        new(ReadCalls(Path.Combine(folder, "calls.json")), ReadPanel(Path.Combine(folder, "panel.json")));

    static List<Call> ReadCalls(string file) =>
        JsonSerializer.Deserialize<List<Call>>(File.ReadAllText(file), CallCatalog.Json) ?? [];

    static Panel ReadPanel(string file) =>
        new(JsonSerializer.Deserialize<PanelFile>(File.ReadAllText(file), CallCatalog.Json)?.Reviewers ?? []);

    sealed record PanelFile(IReadOnlyList<Reviewer>? Reviewers);
}
