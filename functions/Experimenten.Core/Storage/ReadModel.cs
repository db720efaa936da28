using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>
/// The projection pages read (design §4): one row per application and its timeline, kept by the
/// submission handler and by the <c>RecordProgress</c> activity. Never a query over all instances.
/// </summary>
public sealed class ReadModel(StorageClients clients)
{
    const string Row = "application";

    TableClient Applications => clients.Table(StorageNames.ApplicationsTable);

    TableClient Timeline => clients.Table(StorageNames.TimelineTable);

    public async Task RecordSubmittedAsync(string id, ApplicationForm form, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(id, Row)
        {
            ["CallId"] = form.CallId,
            ["Title"] = form.Title,
            ["InitiativeName"] = form.InitiativeName,
            ["Stage"] = nameof(Stage.Submitted),
            ["WaitingOn"] = "fund",
            ["Language"] = form.Language,
            ["ResidentName"] = form.ResidentContact.Name,
            ["ResidentEmail"] = form.ResidentContact.Email,
            ["WelfareOrganisation"] = form.WelfareOrganisation,
            ["WelfareName"] = form.WelfareContact.Name,
            ["WelfareEmail"] = form.WelfareContact.Email,
            ["Municipality"] = form.Municipality,
            ["BudgetRequested"] = form.BudgetRequested,
            ["SubmittedAt"] = submittedAt,
            ["UpdatedAt"] = submittedAt,
        };

        // Add, not upsert: a retried submission must not roll a progressed application back.
        try
        {
            await Applications.AddEntityAsync(entity, cancellationToken);
            await AppendAsync(id, new TimelineEntry(submittedAt, nameof(Stage.Submitted), "Aanvraag ontvangen"), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    public async Task ApplyAsync(ProgressUpdate update, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(update.ApplicationId, Row)
        {
            ["Stage"] = update.Stage.ToString(),
            ["WaitingOn"] = update.WaitingOn,
            ["NextDeadline"] = update.NextDeadline,
            ["UpdatedAt"] = update.At,
        };
        await Applications.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        if (update.Timeline is { } line)
        {
            await AppendAsync(update.ApplicationId, line, cancellationToken);
        }
    }

    public async Task AppendAsync(string id, TimelineEntry entry, CancellationToken cancellationToken)
    {
        // The row key is the moment and the kind: a retried activity writes the same row again.
        var entity = new TableEntity(id, $"{entry.At.UtcTicks:D19}-{entry.Kind}")
        {
            ["At"] = entry.At,
            ["Kind"] = entry.Kind,
            ["Text"] = entry.Text,
        };
        await Timeline.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ApplicationView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await Applications.GetEntityIfExistsAsync<TableEntity>(id, Row, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } e ? ToView(e) : null;
    }

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string id, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var e in Timeline.QueryAsync<TableEntity>(t => t.PartitionKey == id, cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(e.GetDateTimeOffset("At") ?? e.Timestamp ?? default, e.GetString("Kind"), e.GetString("Text")));
        }

        return entries;
    }

    static ApplicationView ToView(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("CallId"),
        e.GetString("Title"),
        e.GetString("InitiativeName"),
        Enum.TryParse<Stage>(e.GetString("Stage"), out var stage) ? stage : Stage.Submitted,
        e.GetString("WaitingOn") ?? "",
        e.GetDateTimeOffset("NextDeadline"),
        e.GetString("Language") ?? Languages.Dutch,
        new Contact(e.GetString("ResidentName"), e.GetString("ResidentEmail")),
        e.GetString("WelfareOrganisation"),
        new Contact(e.GetString("WelfareName"), e.GetString("WelfareEmail")),
        e.GetString("Municipality"),
        e.GetInt64("BudgetRequested") ?? 0,
        e.GetDateTimeOffset("SubmittedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt") ?? default);
}

/// <summary>What the orchestrator tells the read model at each step (input of <c>RecordProgress</c>).</summary>
public sealed record ProgressUpdate(
    string ApplicationId,
    Stage Stage,
    string WaitingOn,
    DateTimeOffset? NextDeadline,
    DateTimeOffset At,
    TimelineEntry? Timeline);
