using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Calls;

/// <summary>The review panel (table <c>reviewers</c>, one partition, one row per reviewer): one query reads it whole.</summary>
public sealed class PanelStore(StorageClients clients)
{
    const string Partition = "reviewer";

    TableClient Table => clients.Table(StorageNames.ReviewersTable);

    public async Task<IReadOnlyList<Reviewer>> ListAsync(CancellationToken cancellationToken)
    {
        var reviewers = new List<(Reviewer Reviewer, int Order)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            reviewers.Add((Read(e), e.GetInt32("Order") ?? 0));
        }

        // The panel's order is the order they were added in: who is invited first when a round takes only some.
        return [.. reviewers.OrderBy(r => r.Order).ThenBy(r => r.Reviewer.Id, StringComparer.Ordinal).Select(r => r.Reviewer)];
    }

    public async Task<Reviewer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? Read(e) : null;
    }

    /// <summary>Adds a reviewer; false when the id is taken.</summary>
    public async Task<bool> AddAsync(Reviewer reviewer, int order, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(Row(reviewer, order, by, at), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces a reviewer's row, keeping their place in the panel's order.</summary>
    public async Task UpdateAsync(Reviewer reviewer, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, reviewer.Id, cancellationToken: cancellationToken);
        var order = found.HasValue ? found.Value?.GetInt32("Order") ?? 0 : 0;
        await Table.UpsertEntityAsync(Row(reviewer, order, by, at), TableUpdateMode.Replace, cancellationToken);
    }

    static TableEntity Row(Reviewer r, int order, string by, DateTimeOffset at) => new(Partition, r.Id)
    {
        ["Name"] = r.Name,
        ["Email"] = r.Email,
        ["Organisations"] = JsonSerializer.Serialize(r.Organisations),
        ["Language"] = r.Language,
        ["Status"] = r.Status.ToString(),
        ["Order"] = order,
        ["UpdatedAt"] = at,
        ["UpdatedBy"] = by,
    };

    static Reviewer Read(TableEntity e) =>
        new(e.RowKey, e.GetString("Name") ?? "", e.GetString("Email") ?? "",
            JsonSerializer.Deserialize<List<string>>(e.GetString("Organisations") ?? "[]") ?? [], e.GetString("Language") ?? Languages.Dutch)
        {
            Status = Enum.TryParse<ReviewerStatus>(e.GetString("Status"), out var s) ? s : ReviewerStatus.Active,
        };
}
