using Azure;
using Azure.Data.Tables;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Experimenten.Privacy;

/// <summary>
/// Erases everything stored about one application (AVG art. 17, and the call's retention): its durable instances
/// (terminated if they still run, then purged with their history), every row in the application-scoped tables, the
/// coordinator list's copies, the mail records and the plan and report files. What remains is one anonymous
/// statistics row (<see cref="StatisticsStore"/>) and one audit line (<see cref="AuditLog"/>).
/// </summary>
/// <remarks>
/// Safe to run again at any point: the statistics id and the audit key are put on the application's row first, and
/// that row is deleted last, so an erasure cut off halfway is found and finished by the next one, writing the same
/// statistics row and audit line again rather than second ones. Once the row is gone the application is "not found".
/// </remarks>
public sealed class ApplicationErasure(
    StorageClients clients,
    ReadModel readModel,
    ReportStore reports,
    ApplicationTraces traces,
    StatisticsStore statistics,
    AuditLog audit,
    TimeProvider time,
    ILogger<ApplicationErasure> log)
{
    /// <summary>How long an erasure waits for a terminated instance to stop before it gives up (and can be run again).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <param name="actor">The coordinator's user name, or <see cref="AuditLog.RetentionActor"/>.</param>
    /// <param name="exceptInstanceId">An instance to leave alone: the retention orchestration that calls this.</param>
    public async Task<ErasureReport> EraseAsync(string applicationId, ErasureCause cause, string reason, string actor, DurableTaskClient durable, CancellationToken ct, string? exceptInstanceId = null)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        ArgumentNullException.ThrowIfNull(durable);
        var applications = clients.Table(StorageNames.ApplicationsTable);
        var row = await applications.GetEntityIfExistsAsync<TableEntity>(applicationId, ReadModel.Row, cancellationToken: ct);
        var view = await readModel.GetAsync(applicationId, ct);
        if (!row.HasValue || row.Value is null || view is null)
        {
            // Erased before, or never there: still sweep by id, so what a write racing an earlier erasure left
            // (an activity that ran on after its instance was terminated) goes too. No audit line: nothing was found.
            await SweepAsync(applicationId, durable, exceptInstanceId, ct);
            Logs.ErasureNothingToDo(log, applicationId, cause);
            return ErasureReport.NotFound(applicationId);
        }

        // (c) The statistics first, while the timeline still says when each stage was reached.
        var (statisticsId, auditKey) = await KeysAsync(applications, row.Value, time.GetUtcNow(), ct);
        var timeline = await readModel.GetTimelineAsync(applicationId, ct);
        var reportCount = (await reports.ListAsync(applicationId, ct)).Count;
        await statistics.WriteAsync(StatisticsStore.From(statisticsId, view, timeline, reportCount, time.GetUtcNow()), ct);

        // (a) Nothing may run on and write again what is deleted next.
        var instances = await StopAndPurgeAsync(applicationId, durable, exceptInstanceId, ct);

        // (b) Every other trace; the application's own row last (see remarks).
        var rows = new Dictionary<string, int>();
        var indexRows = await new ListIndex(clients).DeleteApplicationAsync(applicationId, ct);
        var files = 0;
        await foreach (var blob in traces.BlobsAsync(applicationId, ct))
        {
            await traces.DeleteAsync(blob, ct);
            files++;
        }

        var last = new List<TraceRow>();
        await foreach (var trace in Concat(traces.MailAsync(applicationId, ct), traces.RowsAsync(applicationId, ct)))
        {
            if (trace.Table == StorageNames.ApplicationsTable)
            {
                last.Add(trace);
                continue;
            }

            await traces.DeleteAsync(trace, ct);
            rows[trace.Table] = rows.GetValueOrDefault(trace.Table) + 1;
        }

        // (d) The audit line keeps the id and the reason, nothing else.
        var action = cause == ErasureCause.Retention ? AuditAction.ErasedByRetention : AuditAction.Erased;
        await audit.RecordAsync(actor, action, applicationId, reason, ct, auditKey);
        foreach (var trace in last)
        {
            await traces.DeleteAsync(trace, ct);
            rows[trace.Table] = rows.GetValueOrDefault(trace.Table) + 1;
        }

        var report = new ErasureReport(applicationId, true, instances, rows, indexRows, files);
        Logs.ApplicationErased(log, applicationId, cause, instances.Count, report.TotalRows, files);
        return report;
    }

    /// <summary>The statistics id and audit key this erasure uses, kept on the row so a second run uses the same ones.</summary>
    static async Task<(string StatisticsId, string AuditKey)> KeysAsync(TableClient applications, TableEntity row, DateTimeOffset now, CancellationToken ct)
    {
        if (row.GetString("ErasureStatisticsId") is { } statisticsId && row.GetString("ErasureAuditKey") is { } auditKey)
        {
            return (statisticsId, auditKey);
        }

        (statisticsId, auditKey) = (StatisticsStore.NewId(), AuditLog.NewKey(now));
        try
        {
            // Only on the row as read: of two erasures at once (retention and a coordinator), the second takes the first one's keys.
            await applications.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["ErasureStatisticsId"] = statisticsId, ["ErasureAuditKey"] = auditKey }, row.ETag, TableUpdateMode.Merge, ct);
            return (statisticsId, auditKey);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            var again = await applications.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct);
            if (again.HasValue && again.Value is { } current && current.GetString("ErasureStatisticsId") is { } s && current.GetString("ErasureAuditKey") is { } a)
            {
                return (s, a);
            }

            throw;
        }
    }

    /// <summary>Most review rounds or report cycles an application can have: every number up to it is looked at, gaps and all.</summary>
    const int MaxChildren = 24;

    /// <summary>What an erasure that found no application still removes by id: instances, index rows, files, mail and rows.</summary>
    async Task SweepAsync(string applicationId, DurableTaskClient durable, string? exceptInstanceId, CancellationToken ct)
    {
        await StopAndPurgeAsync(applicationId, durable, exceptInstanceId, ct);
        await new ListIndex(clients).DeleteApplicationAsync(applicationId, ct);
        await foreach (var blob in traces.BlobsAsync(applicationId, ct))
        {
            await traces.DeleteAsync(blob, ct);
        }

        await foreach (var trace in Concat(traces.MailAsync(applicationId, ct), traces.RowsAsync(applicationId, ct)))
        {
            await traces.DeleteAsync(trace, ct);
        }
    }

    /// <summary>
    /// The application's instances: the lifecycle, its review rounds and report cycles (every number up to
    /// <see cref="MaxChildren"/>: a run cut off halfway may have purged some and not the next) and its retention.
    /// Each still running is terminated; once none runs, each is purged, the lifecycle last.
    /// </summary>
    static async Task<IReadOnlyList<string>> StopAndPurgeAsync(string id, DurableTaskClient durable, string? except, CancellationToken ct)
    {
        var found = new List<OrchestrationMetadata>();
        async Task<bool> AddAsync(string instanceId)
        {
            var metadata = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
            if (metadata is null)
            {
                return false;
            }

            found.Add(metadata);
            return true;
        }

        await AddAsync(id);
        for (var n = 1; n <= MaxChildren; n++)
        {
            await AddAsync(Events.RoundInstance(id, n));
            await AddAsync(Events.ReportInstance(id, n));
        }

        await AddAsync(Events.RetentionInstance(id));
        var mine = found.Where(m => m.InstanceId != except).ToList();

        // The lifecycle first: it would otherwise react to a child that ends.
        foreach (var instance in mine.Where(m => IsRunning(m.RuntimeStatus)))
        {
            await durable.TerminateInstanceAsync(instance.InstanceId, "erased", ct);
        }

        foreach (var instance in mine.OrderBy(m => m.InstanceId == id))
        {
            await WaitStoppedAsync(durable, instance.InstanceId, ct);
            await durable.PurgeInstanceAsync(instance.InstanceId, ct);
        }

        return [.. mine.Select(m => m.InstanceId)];
    }

    static async Task WaitStoppedAsync(DurableTaskClient durable, string instanceId, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + StopTimeout;
        while (await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is { } metadata && IsRunning(metadata.RuntimeStatus))
        {
            if (DateTimeOffset.UtcNow > until)
            {
                // Purging a running instance would leave it to write again; better to fail and be run again.
                throw new TimeoutException($"Instance {instanceId} did not stop within {StopTimeout.TotalSeconds} s of being terminated.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    static bool IsRunning(OrchestrationRuntimeStatus status) => status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    static async IAsyncEnumerable<TraceRow> Concat(IAsyncEnumerable<TraceRow> first, IAsyncEnumerable<TraceRow> second)
    {
        await foreach (var row in first)
        {
            yield return row;
        }

        await foreach (var row in second)
        {
            yield return row;
        }
    }
}
