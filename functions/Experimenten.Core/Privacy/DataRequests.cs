using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Privacy;

/// <summary>
/// An applicant's request to see what the fund stores about them (AVG art. 15). The fund answers within one
/// calendar month of receipt (art. 12(3)): <see cref="Due"/>.
/// </summary>
/// <param name="Key">The request within its application: the day it came in (fund's time) and the contact's role.</param>
public sealed record DataRequest(string ApplicationId, string Key, ContactRole Role, DateTimeOffset RequestedAt, DateTimeOffset Due, bool Handled, string? HandledBy, DateTimeOffset? HandledAt)
{
    public bool IsOverdue(DateTimeOffset now) => !Handled && Due < now;
}

/// <summary>
/// The data requests (table <c>datarequests</c>), partitioned by application id, so an erasure removes them with
/// the application. One row per contact and day: asking twice the same day is one request.
/// </summary>
public sealed class DataRequests(StorageClients clients)
{
    TableClient Table => clients.Table(StorageNames.DataRequestsTable);

    public static string KeyFor(ContactRole role, DateTimeOffset at, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(at, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{role.ToString().ToLowerInvariant()}";

    /// <summary>One calendar month after the day it came in, in the fund's time.</summary>
    public static DateTimeOffset DueFor(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).AddMonths(1);

    /// <summary>Records a request; <c>New</c> is false when this contact asked already today (that request stands).</summary>
    public async Task<(bool New, DataRequest Request)> RecordAsync(string applicationId, ContactRole role, DateTimeOffset at, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var request = new DataRequest(applicationId, KeyFor(role, at, zone), role, at, DueFor(at, zone), false, null, null);
        try
        {
            await Table.AddEntityAsync(new TableEntity(applicationId, request.Key)
            {
                ["Role"] = role.ToString(),
                ["RequestedAt"] = at,
                ["Due"] = request.Due,
                ["Handled"] = false,
            }, cancellationToken);
            return (true, request);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, await GetAsync(applicationId, request.Key, cancellationToken) ?? request);
        }
    }

    public async Task<DataRequest?> GetAsync(string applicationId, string key, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, key, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToRequest(e) : null;
    }

    /// <summary>
    /// Every request not handled yet, oldest deadline first. A query over the whole table: requests are few (a
    /// handful a year), and handled ones leave with their application's retention.
    /// </summary>
    public async Task<IReadOnlyList<DataRequest>> OpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<DataRequest>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Handled eq {false}"), cancellationToken: cancellationToken))
        {
            open.Add(ToRequest(e));
        }

        return [.. open.OrderBy(r => r.Due)];
    }

    public async Task<IReadOnlyList<DataRequest>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var all = new List<DataRequest>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == applicationId, cancellationToken: cancellationToken))
        {
            all.Add(ToRequest(e));
        }

        return all;
    }

    /// <summary>Marks a request handled; false when there is no such request (or it was handled before).</summary>
    public async Task<bool> MarkHandledAsync(string applicationId, string key, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, key, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e || e.GetBoolean("Handled") == true)
        {
            return false;
        }

        try
        {
            await Table.UpdateEntityAsync(new TableEntity(applicationId, key) { ["Handled"] = true, ["HandledBy"] = by, ["HandledAt"] = at }, e.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another coordinator marked it at the same moment: theirs stands.
            return false;
        }
    }

    static DataRequest ToRequest(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.TryParse<ContactRole>(e.GetString("Role"), out var role) ? role : ContactRole.Resident,
        e.GetDateTimeOffset("RequestedAt") ?? default,
        e.GetDateTimeOffset("Due") ?? default,
        e.GetBoolean("Handled") ?? false,
        e.GetString("HandledBy"),
        e.GetDateTimeOffset("HandledAt"));
}
