using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Privacy;

/// <summary>
/// What the fund keeps of an application after erasure, for its yearly figures: which call, how far it got and
/// when, how many review rounds, roughly how much was asked. Nothing that names or points at the people or the
/// initiative.
/// </summary>
/// <remarks>
/// Left out on purpose: names, email addresses, title, summary, plan, organisation, initiative, and the municipality
/// (a call often has one application from a small municipality, so call + municipality names the initiative, and
/// through it its contacts). The amount is rounded to a multiple of <see cref="AmountStep"/> euros and the dates to
/// the day, so the row cannot be matched to a known application by its exact figures; totals per call stay within
/// half a step per application. The key is a fresh random id, never the application id.
/// </remarks>
/// <param name="Reached">The day each stage was first reached (UTC date, ISO 8601), in the order reached.</param>
public sealed record StatisticsRow(string Id, string CallId, string FinalStage, IReadOnlyDictionary<string, string> Reached, int Rounds, int Reports, long AmountRequestedRounded, string ErasedOn);

/// <summary>The anonymous statistics (table <c>statistics</c>): partitioned by call, so a call's figures are one query.</summary>
public sealed class StatisticsStore(StorageClients clients)
{
    public const long AmountStep = 500;

    TableClient Table => clients.Table(StorageNames.StatisticsTable);

    /// <summary>A new random id for a statistics row; unrelated to the application id.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public static long Round(long euros) => (long)Math.Round(euros / (double)AmountStep, MidpointRounding.AwayFromZero) * AmountStep;

    /// <summary>The row for an application as it stands, before its traces go.</summary>
    public static StatisticsRow From(string id, ApplicationView view, IEnumerable<TimelineEntry> timeline, int reports, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reached = new Dictionary<string, string> { [nameof(Stage.Submitted)] = Day(view.SubmittedAt) };
        foreach (var entry in timeline.OrderBy(t => t.At))
        {
            // A stage's lines are named after it, except a review round's, which are "Review".
            var kind = entry.Kind == "Review" ? nameof(Stage.InReview) : entry.Kind;
            if (Enum.TryParse<Stage>(kind, out var stage) && !reached.ContainsKey(stage.ToString()))
            {
                reached[stage.ToString()] = Day(entry.At);
            }
        }

        return new StatisticsRow(id, view.CallId, view.Stage.ToString(), reached, view.Round, reports, Round(view.BudgetRequested), Day(now));
    }

    /// <summary>Written under its own id: an erasure that runs again writes the same row again, not a second one.</summary>
    public Task WriteAsync(StatisticsRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Table.UpsertEntityAsync(new TableEntity(row.CallId, row.Id)
        {
            ["FinalStage"] = row.FinalStage,
            ["Reached"] = JsonSerializer.Serialize(row.Reached),
            ["Rounds"] = row.Rounds,
            ["Reports"] = row.Reports,
            ["AmountRequestedRounded"] = row.AmountRequestedRounded,
            ["ErasedOn"] = row.ErasedOn,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<StatisticsRow>> ListAsync(string callId, CancellationToken cancellationToken)
    {
        var rows = new List<StatisticsRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == callId, cancellationToken: cancellationToken))
        {
            rows.Add(new StatisticsRow(
                e.RowKey,
                e.PartitionKey,
                e.GetString("FinalStage") ?? "",
                JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Reached") ?? "{}") ?? [],
                e.GetInt32("Rounds") ?? 0,
                e.GetInt32("Reports") ?? 0,
                e.GetInt64("AmountRequestedRounded") ?? 0,
                e.GetString("ErasedOn") ?? ""));
        }

        return rows;
    }

    static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
