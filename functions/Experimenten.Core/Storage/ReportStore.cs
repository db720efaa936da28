using Azure.Data.Tables;

namespace Experimenten.Storage;

/// <summary>The progress and final reports of an approved experiment: due date, what came in, the verdict.</summary>
public sealed class ReportStore(StorageClients clients)
{
    TableClient Table => clients.Table(StorageNames.ReportsTable);

    public Task ScheduleAsync(string applicationId, int number, bool final, DateTimeOffset due, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(applicationId, number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["Number"] = number,
            ["Final"] = final,
            ["Due"] = due,
            ["Status"] = nameof(ReportStatus.Due),
        }, TableUpdateMode.Merge, cancellationToken);

    public Task SetStatusAsync(string applicationId, int number, ReportStatus status, string? blob, string? text, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(applicationId, number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["Status"] = status.ToString(),
            [$"{status}At"] = at,
        };
        if (blob is not null)
        {
            entity["Blob"] = blob;
        }

        if (text is not null)
        {
            entity["Text"] = text;
        }

        if (comment is not null)
        {
            entity["Comment"] = comment;
        }

        return Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<ReportRow?> GetAsync(string applicationId, int number, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e ? ToRow(e) : null;
    }

    public async Task<IReadOnlyList<ReportRow>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var rows = new List<ReportRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == applicationId, cancellationToken: cancellationToken))
        {
            rows.Add(ToRow(e));
        }

        return rows;
    }

    static ReportRow ToRow(TableEntity e) => new(
        e.GetInt32("Number") ?? 0,
        e.GetBoolean("Final") ?? false,
        e.GetDateTimeOffset("Due") ?? default,
        Enum.TryParse<ReportStatus>(e.GetString("Status"), out var s) ? s : ReportStatus.Due,
        e.GetString("Blob"),
        e.GetString("Text"),
        e.GetString("Comment"));
}

public enum ReportStatus
{
    Due,
    Submitted,
    Accepted,
    ChangesRequested,
}

public sealed record ReportRow(int Number, bool Final, DateTimeOffset Due, ReportStatus Status, string? Blob, string? Text, string? Comment);
