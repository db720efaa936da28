using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Calls;

/// <summary>
/// The calls (table <c>calls</c>): partition <c>call</c> holds each call's current version (one query lists them
/// all), partition <c>call~{id}</c> every version it ever had, so the audit shows who changed what and what was
/// before. A save writes the version row first and then moves the current row on only from the version it read
/// (its ETag): two coordinators saving at once cannot overwrite each other unseen.
/// </summary>
public sealed class CallStore(StorageClients clients)
{
    const string Current = "call";

    TableClient Table => clients.Table(StorageNames.CallsTable);

    public async Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken)
    {
        var calls = new List<Call>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == Current, cancellationToken: cancellationToken))
        {
            calls.Add(Read(e));
        }

        return calls;
    }

    public async Task<Call?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Current, id, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? Read(e) : null;
    }

    /// <summary>Every saved version of a call, newest first.</summary>
    public async Task<IReadOnlyList<CallVersion>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var versions = new List<CallVersion>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == HistoryPartition(id), cancellationToken: cancellationToken))
        {
            versions.Add(new CallVersion(e.GetInt32("Version") ?? 0, e.GetDateTimeOffset("At") ?? default, e.GetString("By") ?? "",
                Enum.TryParse<CallChangeKind>(e.GetString("Kind"), out var kind) ? kind : CallChangeKind.Edited, Read(e)));
        }

        return [.. versions.OrderByDescending(v => v.Version)];
    }

    /// <summary>
    /// Saves <paramref name="call"/> as the version after <paramref name="expectedVersion"/> (0: a new call). False
    /// when the call is not at that version any more (or, for a new one, exists): somebody else saved meanwhile.
    /// </summary>
    public async Task<(bool Saved, Call Call)> SaveAsync(Call call, int expectedVersion, string by, CallChangeKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Current, call.Id, cancellationToken: cancellationToken);
        var existing = found.HasValue ? found.Value : null;
        if ((existing?.GetInt32("Version") ?? 0) != expectedVersion)
        {
            return (false, call);
        }

        var next = call with { Version = expectedVersion + 1 };
        var json = JsonSerializer.Serialize(next, CallCatalog.Json);

        // The version row first: a crash before the current row moves leaves a version nobody sees, written again by the next save.
        await Table.UpsertEntityAsync(new TableEntity(HistoryPartition(call.Id), VersionKey(next.Version))
        {
            ["Json"] = json,
            ["Version"] = next.Version,
            ["At"] = at,
            ["By"] = by,
            ["Kind"] = kind.ToString(),
        }, TableUpdateMode.Replace, cancellationToken);

        var row = new TableEntity(Current, call.Id) { ["Json"] = json, ["Version"] = next.Version, ["At"] = at, ["By"] = by };
        try
        {
            if (existing is null)
            {
                await Table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return (false, call);
        }

        return (true, next);
    }

    static string HistoryPartition(string id) => "call~" + id;

    static string VersionKey(int version) => $"v{version:D6}";

    static Call Read(TableEntity e) =>
        JsonSerializer.Deserialize<Call>(e.GetString("Json") ?? "null", CallCatalog.Json)
            ?? throw new InvalidDataException($"Call row {e.RowKey} is empty.");
}
