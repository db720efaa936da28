using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Experimenten.Storage;

namespace Experimenten.Privacy;

/// <summary>What was done with an application's personal data, as the audit log names it.</summary>
public enum AuditAction
{
    Exported,
    Erased,
    ErasedByRetention,
    DataRequested,
    DataRequestHandled,
}

/// <summary>
/// One line of the audit log: when, who (a coordinator's user name, "retention" or "applicant"), what, for which
/// application, and why. It outlives the application on purpose, so it holds its id and the coordinator's reason
/// but never a name, an address or a title of the application.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, AuditAction Action, string ApplicationId, string Reason);

/// <summary>
/// The audit log (table <c>audit</c>): one partition, newest first (the row key counts down in time), so the latest
/// lines cost one short query. It is not application-scoped: an erasure keeps it.
/// </summary>
public sealed class AuditLog(StorageClients clients, TimeProvider time)
{
    const string Partition = "audit";

    public const string RetentionActor = "retention";
    public const string ApplicantActor = "applicant";

    TableClient Table => clients.Table(StorageNames.AuditTable);

    /// <summary>A fresh row key for a line at <paramref name="at"/>: newest first, never two the same.</summary>
    public static string NewKey(DateTimeOffset at) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";

    /// <summary>Writes a line now. With <paramref name="key"/> (made by <see cref="NewKey"/>) a retried step writes the same line again, not a second one.</summary>
    public async Task<AuditEntry> RecordAsync(string actor, AuditAction action, string applicationId, string reason, CancellationToken cancellationToken, string? key = null)
    {
        var entry = new AuditEntry(time.GetUtcNow(), actor, action, applicationId, reason);
        await Table.UpsertEntityAsync(new TableEntity(Partition, key ?? NewKey(entry.At))
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action.ToString(),
            ["ApplicationId"] = entry.ApplicationId,
            ["Reason"] = entry.Reason,
        }, TableUpdateMode.Replace, cancellationToken);
        return entry;
    }

    /// <summary>The newest lines, of one application or of given actions, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? applicationId, IReadOnlyCollection<AuditAction>? actions, int take, CancellationToken cancellationToken)
    {
        var filter = applicationId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ApplicationId eq {applicationId}");
        var found = new List<AuditEntry>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var entry = ToEntry(e);
            if (actions is null || actions.Contains(entry.Action))
            {
                found.Add(entry);
                if (found.Count >= take)
                {
                    break;
                }
            }
        }

        return found;
    }

    static AuditEntry ToEntry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Actor") ?? "",
        Enum.TryParse<AuditAction>(e.GetString("Action"), out var action) ? action : AuditAction.Exported,
        e.GetString("ApplicationId") ?? "",
        e.GetString("Reason") ?? "");

    /// <summary>For readers: the action as its invariant name.</summary>
    public static string Name(AuditAction action) => action.ToString().ToLower(CultureInfo.InvariantCulture);
}
