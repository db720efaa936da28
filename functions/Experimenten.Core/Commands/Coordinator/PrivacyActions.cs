using Experimenten.Coordinator;
using Experimenten.Privacy;
using Experimenten.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;

namespace Experimenten.Commands.Coordinator;

/// <summary>
/// The coordinator's AVG commands: export an application, erase it now, mark a data request handled. Unlike the
/// lifecycle's commands they work at every stage, closed ones too: personal data stays until it is erased. Each
/// is written to the audit log. The JSON API and the pages both call these, and only map the outcome.
/// </summary>
public sealed class PrivacyActions(ApplicationExport export, ApplicationErasure erasure, DataRequests requests, AuditLog audit, TimeProvider time, IStringLocalizer<CoordinatorText> text)
{
    public async Task<Outcome<ExportFile>> ExportAsync(ExportApplication command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        var file = await export.ExportAsync(command.ApplicationId, time.GetUtcNow(), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(command.By.Name, AuditAction.Exported, command.ApplicationId, "", cancellationToken);
        return Outcome.Accepted(file);
    }

    /// <summary>Longer than the durable queues' visibility timeout and the longest activity.</summary>
    public static readonly TimeSpan SweepAgainAfter = TimeSpan.FromMinutes(10);

    public async Task<Outcome<ErasureReport>> EraseAsync(EraseApplication command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        var errors = new Dictionary<string, string[]>();
        var reason = command.Reason.Trim();
        if (reason.Length is 0 or > CoordinatorActions.MaxReason)
        {
            errors["reason"] = [text["Problem.Reason"]];
        }

        if (!command.Confirmed)
        {
            errors["confirm"] = [text["Erase.ConfirmMissing"]];
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, "invalid-fields", text["Problem.Invalid.Title"], text["Problem.Invalid.Detail"]) { Errors = errors };
        }

        var report = await erasure.EraseAsync(command.ApplicationId, ErasureCause.Coordinator, reason, command.By.Name, durable, cancellationToken);
        if (!report.Found)
        {
            return NotFound();
        }

        // A second sweep a while later, through the retention orchestration's timer: an activity that was already
        // running when its instance was terminated may still write a row; the sweep finds and removes it.
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(Orchestrations.Retention),
            new Orchestrations.RetentionInput(command.ApplicationId, time.GetUtcNow() + SweepAgainAfter),
            new StartOrchestrationOptions(Orchestrations.Events.RetentionInstance(command.ApplicationId)) { Version = Orchestrations.OrchestrationVersions.Current },
            CancellationToken.None);
        return Outcome.Accepted(report);
    }

    public async Task<Outcome<DataRequestHandled>> HandleDataRequestAsync(HandleDataRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var _ = TextCulture.Use(command.Language);
        var now = time.GetUtcNow();
        if (!await requests.MarkHandledAsync(command.ApplicationId, command.RequestKey, command.By.Name, now, cancellationToken))
        {
            return new Refusal(RefusalKind.NotFound, "not-found", text["Problem.NotFound.Title"], text["Problem.DataRequest.NotFound"]);
        }

        await audit.RecordAsync(command.By.Name, AuditAction.DataRequestHandled, command.ApplicationId, command.RequestKey, cancellationToken);
        return Outcome.Accepted(new DataRequestHandled(command.ApplicationId, command.RequestKey, command.By.Name, now));
    }

    /// <summary>Open data requests, oldest deadline first, for the dashboard.</summary>
    public Task<IReadOnlyList<DataRequest>> OpenRequestsAsync(CancellationToken cancellationToken) => requests.OpenAsync(cancellationToken);

    /// <summary>Every data request of one application, handled or not.</summary>
    public Task<IReadOnlyList<DataRequest>> RequestsOfAsync(string applicationId, CancellationToken cancellationToken) => requests.ListAsync(applicationId, cancellationToken);

    /// <summary>The audit log: of one application, or (null) the latest erasures and other lines.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string? applicationId, IReadOnlyCollection<AuditAction>? actions, int take, CancellationToken cancellationToken) =>
        audit.ListAsync(applicationId, actions, take, cancellationToken);

    Refusal NotFound() => new(RefusalKind.NotFound, "not-found", text["Problem.NotFound.Title"], text["Problem.NotFound.Detail"]);
}
