using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>
/// Who was invited to which round and what they decided. The decision row is written once, guarded by
/// its ETag, so a second attempt (or a double click) finds the first decision instead of replacing it.
/// </summary>
public sealed class ReviewStore(StorageClients clients)
{
    TableClient Table => clients.Table(StorageNames.ReviewsTable);

    static string Row(int round, string reviewerId) => $"r{round:D3}-{reviewerId}";

    public async Task InviteAsync(string applicationId, int round, IEnumerable<Reviewer> reviewers, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var reviewer in reviewers)
        {
            var entity = new TableEntity(applicationId, Row(round, reviewer.Id))
            {
                ["Round"] = round,
                ["ReviewerId"] = reviewer.Id,
                ["Name"] = reviewer.Name,
                ["Email"] = reviewer.Email,
                ["InvitedAt"] = at,
            };
            try
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Invited before (a retried activity): keep the row, it may already hold a decision.
            }
        }
    }

    public async Task WithdrawInvitationAsync(string applicationId, int round, string reviewerId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(applicationId, round, reviewerId, cancellationToken);
        if (row is { Decision: null })
        {
            await Table.UpsertEntityAsync(new TableEntity(applicationId, Row(round, reviewerId)) { ["Reassigned"] = true }, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>
    /// Every invitation of a reviewer without a decision that still stands, across all applications. Removing a
    /// reviewer needs it, a few times a year: a query over the whole table, not a path any page takes.
    /// </summary>
    public async Task<IReadOnlyList<(string ApplicationId, int Round)>> OpenInvitationsAsync(string reviewerId, CancellationToken cancellationToken)
    {
        var open = new List<(string, int)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ReviewerId eq {reviewerId}"), cancellationToken: cancellationToken))
        {
            if (e.GetString("Decision") is null && e.GetBoolean("Reassigned") != true && e.GetInt32("Round") is { } round)
            {
                open.Add((e.PartitionKey, round));
            }
        }

        return open;
    }

    public async Task<ReviewRow?> GetAsync(string applicationId, int round, string reviewerId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, Row(round, reviewerId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e ? ToRow(e) : null;
    }

    /// <summary>Records the decision unless one is there already; returns the row that stands.</summary>
    public async Task<(bool Recorded, ReviewRow Row)> DecideAsync(string applicationId, int round, string reviewerId, Decision decision, string comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityAsync<TableEntity>(applicationId, Row(round, reviewerId), cancellationToken: cancellationToken);
        var entity = response.Value;
        if (entity.GetString("Decision") is not null)
        {
            return (false, ToRow(entity));
        }

        entity["Decision"] = decision.ToString();
        entity["Comment"] = comment;
        entity["DecidedAt"] = at;
        try
        {
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            return (true, ToRow(entity));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var current = await Table.GetEntityAsync<TableEntity>(applicationId, Row(round, reviewerId), cancellationToken: cancellationToken);
            return (false, ToRow(current.Value));
        }
    }

    public async Task<IReadOnlyList<ReviewRow>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var rows = new List<ReviewRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == applicationId, cancellationToken: cancellationToken))
        {
            if (!e.RowKey.EndsWith("~closed", StringComparison.Ordinal))
            {
                rows.Add(ToRow(e));
            }
        }

        return rows;
    }

    /// <summary>The round's own record that it closed, with the decisions it counted. Written before the round ends.</summary>
    public async Task CloseRoundAsync(string applicationId, int round, IReadOnlyList<string> counted, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(applicationId, ClosedRow(round)) { ["ClosedAt"] = at, ["Counted"] = string.Join(",", counted) }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Null while the round is open; otherwise the reviewer ids whose decisions counted.</summary>
    public async Task<IReadOnlyList<string>?> ClosedRoundAsync(string applicationId, int round, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, ClosedRow(round), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e ? (e.GetString("Counted") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
    }

    static string ClosedRow(int round) => $"r{round:D3}~closed";

    static ReviewRow ToRow(TableEntity e) => new(
        e.GetInt32("Round") ?? 0,
        e.GetString("ReviewerId"),
        e.GetString("Name"),
        e.GetString("Email"),
        e.GetDateTimeOffset("InvitedAt") ?? default,
        Enum.TryParse<Decision>(e.GetString("Decision"), out var d) ? d : null,
        e.GetString("Comment"),
        e.GetDateTimeOffset("DecidedAt"),
        e.GetBoolean("Reassigned") ?? false);
}

public sealed record ReviewRow(int Round, string ReviewerId, string Name, string Email, DateTimeOffset InvitedAt, Decision? Decision, string? Comment, DateTimeOffset? DecidedAt, bool Reassigned);
