using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Experimenten.Domain;
using Experimenten.Text;

namespace Experimenten.Storage;

/// <summary>
/// The projection pages read (design §4): one row per application and its timeline, kept by the
/// submission handler and by the <c>RecordProgress</c> activity. Never a query over all instances.
/// </summary>
public sealed class ReadModel(StorageClients clients)
{
    internal const string Row = "application";

    readonly ListIndex index = new(clients);

    TableClient Applications => clients.Table(StorageNames.ApplicationsTable);

    TableClient Timeline => clients.Table(StorageNames.TimelineTable);

    /// <summary>
    /// Adds the application's row, only if there is none. A row that is there already came from a submission
    /// with the same id (a repeated idempotency key): its fingerprint says whether that was this same
    /// submission (<see cref="SubmissionRecord.Repeat"/>) or another one (<see cref="SubmissionRecord.Conflict"/>).
    /// Its "received" line in the timeline is written by the lifecycle's first step
    /// (<see cref="ProgressUpdate.SubmittedAt"/>), which keeps a request out of every submission.
    /// </summary>
    public async Task<SubmissionRecord> RecordSubmittedAsync(string id, ApplicationForm form, string fingerprint, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        // Add, not upsert: a retried submission must not roll a progressed application back.
        try
        {
            await Applications.AddEntityAsync(SubmittedRow(id, form, fingerprint, submittedAt), cancellationToken);

            // Not indexed for the coordinator list yet: the lifecycle's first step (screening, within a
            // second) does that, which keeps six table writes out of every submission.
            return SubmissionRecord.New;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Only a repeat pays for this read. A row without a fingerprint (older data) is never a match.
            var existing = await Applications.GetEntityIfExistsAsync<TableEntity>(id, Row, ["Fingerprint"], cancellationToken);
            var stored = existing.HasValue ? existing.Value?.GetString("Fingerprint") : null;
            return stored is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(fingerprint))
                ? SubmissionRecord.Repeat
                : SubmissionRecord.Conflict;
        }
    }

    /// <summary>
    /// Writes the row of a submission that was cut off before its lifecycle started, as it is sent again. Only while
    /// the row still says Submitted, and only the version read: when the same key arrives twice at once (a retry, or
    /// two hosts loading the seeds) the first one's lifecycle may have moved the row on meanwhile, and that stands.
    /// </summary>
    public async Task ReplaceSubmittedAsync(string id, ApplicationForm form, string fingerprint, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var existing = await Applications.GetEntityIfExistsAsync<TableEntity>(id, Row, ["Stage"], cancellationToken);
        if (!existing.HasValue || existing.Value is null)
        {
            await Applications.UpsertEntityAsync(SubmittedRow(id, form, fingerprint, submittedAt), TableUpdateMode.Replace, cancellationToken);
            return;
        }

        if (existing.Value.GetString("Stage") != nameof(Stage.Submitted))
        {
            return;
        }

        try
        {
            await Applications.UpdateEntityAsync(SubmittedRow(id, form, fingerprint, submittedAt), existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Moved on between the read and the write: the lifecycle has it.
        }
    }

    static TableEntity SubmittedRow(string id, ApplicationForm form, string fingerprint, DateTimeOffset submittedAt) => new(id, Row)
    {
        ["Fingerprint"] = fingerprint,
        ["CallId"] = form.CallId,
        ["Title"] = form.Title,
        ["Summary"] = form.Summary,
        ["PlanText"] = form.PlanText,
        ["PlanBlob"] = form.PlanBlob,
        ["PlanVersion"] = 1,
        ["Round"] = 0,
        ["InitiativeName"] = form.InitiativeName,
        ["Stage"] = nameof(Stage.Submitted),
        ["WaitingOn"] = WaitingOn.Fund.ToWire(),
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

        // Every submission carries consent (the parser refuses one without): to the text of this version.
        ["ConsentVersion"] = Privacy.Consent.Version,
    };

    public async Task ApplyAsync(ProgressUpdate update, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(update.ApplicationId, Row)
        {
            ["Stage"] = update.Stage.ToString(),
            ["WaitingOn"] = update.WaitingOn.ToWire(),
            ["NextDeadline"] = update.NextDeadline,
            ["UpdatedAt"] = update.At,
        };
        if (update.Round is { } round)
        {
            entity["Round"] = round;
        }

        if (update.ActiveInstance is { } active)
        {
            entity["ActiveInstance"] = active;
        }

        if (update.Plan is { } plan)
        {
            entity["PlanVersion"] = plan.Version;
            entity["PlanBlob"] = plan.Blob;
            entity["PlanText"] = plan.Text;
        }

        try
        {
            // Update, never create: the submission made the row, so a missing row was erased (AVG), and a step
            // that was still running when its orchestration was terminated must not bring the application back.
            await Applications.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return;
        }

        // The index and the timeline are separate tables: written side by side, all done before the step's emails.
        List<Task> writes = [index.SyncAsync(Applications, update.ApplicationId, Row, cancellationToken)];
        if (update.SubmittedAt is { } submitted)
        {
            writes.Add(AppendAsync(update.ApplicationId, TimelineLines.Entry(submitted, nameof(Stage.Submitted), "Lifecycle.Received"), cancellationToken));
        }

        if (update.Timeline is { } line)
        {
            writes.Add(AppendAsync(update.ApplicationId, line, cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    public async Task AppendAsync(string id, TimelineEntry entry, CancellationToken cancellationToken)
    {
        // The row key is the moment and the kind: a retried activity writes the same row again.
        var entity = new TableEntity(id, $"{entry.At.UtcTicks:D19}-{entry.Id ?? entry.Kind}")
        {
            ["At"] = entry.At,
            ["Kind"] = entry.Kind,
            ["Text"] = entry.Text,
            ["Actor"] = entry.Actor,
            ["Key"] = entry.Key,
            ["Args"] = entry.Args is { } args ? JsonSerializer.Serialize(args) : null,
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
            entries.Add(new TimelineEntry(e.GetDateTimeOffset("At") ?? e.Timestamp ?? default, e.GetString("Kind"), e.GetString("Text"))
            {
                Actor = e.GetString("Actor"),
                Key = e.GetString("Key"),
                Args = e.GetString("Args") is { } args ? JsonSerializer.Deserialize<string[]>(args) : null,
            });
        }

        return entries;
    }

    /// <summary>
    /// One page of the coordinator's list. The continuation token comes from Table storage, so a page
    /// costs the same whatever the number of applications.
    /// </summary>
    public async Task<(IReadOnlyList<ApplicationView> Items, string? Continuation)> PageAsync(string? callId, Stage? stage, bool overdueOnly, DateTimeOffset now, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var (rows, next) = await index.PageAsync(callId, stage, overdueOnly, now, pageSize, continuation, cancellationToken);
        return ([.. rows.Select(ToView)], next);
    }

    /// <summary>
    /// Once, for data from before the list index had a table per deadline day: indexes every application
    /// again (which also removes its rows from the old table), then drops the old table.
    /// </summary>
    public async Task MoveListIndexToDayTablesAsync(CancellationToken cancellationToken)
    {
        var old = clients.Table(StorageNames.ListTable);
        var exists = false;
        await foreach (var _ in clients.Tables.QueryAsync(t => t.Name == old.Name, cancellationToken: cancellationToken))
        {
            exists = true;
        }

        if (!exists)
        {
            return;
        }

        await foreach (var row in Applications.QueryAsync<TableEntity>(e => e.RowKey == Row, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            await index.SyncAsync(Applications, row.PartitionKey, Row, cancellationToken);
        }

        await old.DeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces a contact (hand-over): future email goes to the new person, and the role's hand-over count
    /// goes one up, so every link the previous contact holds stops working. Written under the row's ETag, so
    /// two hand-overs at once cannot both count from the same number.
    /// </summary>
    /// <param name="expectedGen">The count the acting link was minted with; null for a coordinator.</param>
    /// <returns>False when the link is no longer current (another hand-over came first); nothing was written then.</returns>
    public async Task<bool> ChangeContactAsync(string id, ContactRole role, Contact next, int? expectedGen, CancellationToken cancellationToken)
    {
        var prefix = role == ContactRole.Resident ? "Resident" : "Welfare";
        for (var attempt = 0; ; attempt++)
        {
            var current = await Applications.GetEntityIfExistsAsync<TableEntity>(id, Row, [$"{prefix}Gen"], cancellationToken);
            if (!current.HasValue || current.Value is not { } row)
            {
                return false;
            }

            var gen = row.GetInt32($"{prefix}Gen") ?? 0;
            if (expectedGen is { } expected && expected != gen)
            {
                return false;
            }

            try
            {
                await Applications.UpdateEntityAsync(
                    new TableEntity(id, Row) { [$"{prefix}Name"] = next.Name, [$"{prefix}Email"] = next.Email, [$"{prefix}Gen"] = gen + 1 },
                    row.ETag,
                    TableUpdateMode.Merge,
                    cancellationToken);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // The orchestration updated the row meanwhile (a new stage): read it again.
            }
        }

        await index.SyncAsync(Applications, id, Row, cancellationToken);
        return true;
    }

    /// <summary>Shows a new deadline at once, before the orchestration has replaced its timer.</summary>
    public async Task SetDeadlineAsync(string id, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        await Applications.UpsertEntityAsync(new TableEntity(id, Row) { ["NextDeadline"] = deadline }, TableUpdateMode.Merge, cancellationToken);
        await index.SyncAsync(Applications, id, Row, cancellationToken);
    }

    /// <summary>From an application row, or from its copy in the list index (which carries the id as a field).</summary>
    static ApplicationView ToView(TableEntity e) => new(
        e.GetString("Id") ?? e.PartitionKey,
        e.GetString("CallId"),
        e.GetString("Title"),
        e.GetString("InitiativeName"),
        Enum.TryParse<Stage>(e.GetString("Stage"), out var stage) ? stage : Stage.Submitted,
        WaitingOnWire.Parse(e.GetString("WaitingOn")),
        e.GetDateTimeOffset("NextDeadline"),
        e.GetString("Language") ?? Languages.Dutch,
        new Contact(e.GetString("ResidentName"), e.GetString("ResidentEmail")),
        e.GetString("WelfareOrganisation"),
        new Contact(e.GetString("WelfareName"), e.GetString("WelfareEmail")),
        e.GetString("Municipality"),
        e.GetInt64("BudgetRequested") ?? 0,
        e.GetDateTimeOffset("SubmittedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt") ?? default,
        e.GetString("Summary") ?? "",
        e.GetInt32("Round") ?? 0,
        e.GetString("ActiveInstance"),
        new PlanRef(e.GetInt32("PlanVersion") ?? 1, e.GetString("PlanBlob"), e.GetString("PlanText")))
    {
        ResidentGen = e.GetInt32("ResidentGen") ?? 0,
        WelfareGen = e.GetInt32("WelfareGen") ?? 0,
        ConsentVersion = e.GetString("ConsentVersion"),
    };
}

/// <summary>What a submission's read-model row says about an idempotency key.</summary>
public enum SubmissionRecord
{
    /// <summary>The first submission with this id.</summary>
    New,

    /// <summary>The same submission again (same fingerprint): a retry or double click.</summary>
    Repeat,

    /// <summary>Another submission had this id: the key was used before with other content.</summary>
    Conflict,
}

/// <summary>What the orchestrator tells the read model at each step (input of <c>RecordProgress</c>).</summary>
/// <param name="SubmittedAt">Set on a lifecycle's first step only: the moment of submission, for the timeline's first line.</param>
public sealed record ProgressUpdate(
    string ApplicationId,
    Stage Stage,
    WaitingOn WaitingOn,
    DateTimeOffset? NextDeadline,
    DateTimeOffset At,
    TimelineEntry? Timeline,
    int? Round = null,
    string? ActiveInstance = null,
    PlanRef? Plan = null,
    DateTimeOffset? SubmittedAt = null);

/// <summary>The plan that is current: its version and where it is (a blob, typed text, or both).</summary>
public sealed record PlanRef(int Version, string? Blob, string? Text);
