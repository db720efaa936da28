using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;

namespace Experimenten.Storage;

/// <summary>
/// The words people typed for an application — a reason, a comment, a revised plan or report, the contact
/// who handed over — kept in the read model, where retention and erasure delete them. An event or an
/// activity input carries only the id (as <see cref="Ref"/>): durable history is kept by the runtime and
/// no purge of the read model reaches it, so no personal data may go there (docs/upgrades.md).
/// </summary>
public sealed class TextStore(StorageClients clients)
{
    /// <summary>How a reference to a stored text is written where a value would otherwise go (a timeline argument).</summary>
    public const string RefPrefix = "text:";

    TableClient Table => clients.Table(StorageNames.TextsTable);

    public static string Ref(string id) => RefPrefix + id;

    /// <summary>Stores <paramref name="text"/> and returns its reference; null for an empty text, which needs none.</summary>
    public async Task<string?> SaveAsync(string applicationId, string kind, string? text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var id = $"{kind}-{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        await SaveAsAsync(applicationId, id, text, at, cancellationToken);
        return Ref(id);
    }

    /// <summary>Stores a text under an id of the caller's (the parts of one hand-over), replacing what was there.</summary>
    public async Task SaveAsAsync(string applicationId, string id, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(applicationId, id) { ["Text"] = text, ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The text a reference names; a value that is not a reference comes back as it is, an erased one as empty.</summary>
    public async Task<string?> ResolveAsync(string applicationId, string? value, CancellationToken cancellationToken)
    {
        if (value is null || !value.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var row = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, value[RefPrefix.Length..], ["Text"], cancellationToken);
        return row.HasValue && row.Value is { } e ? e.GetString("Text") ?? "" : "";
    }

    /// <summary>Every text of one application, oldest first (the export).</summary>
    public async Task<IReadOnlyList<(string Id, string Text, DateTimeOffset? At)>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var texts = new List<(string, string, DateTimeOffset?)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == applicationId, cancellationToken: cancellationToken))
        {
            texts.Add((e.RowKey, e.GetString("Text") ?? "", e.GetDateTimeOffset("At")));
        }

        return texts;
    }
}

/// <summary>One hand-over of a contact as stored: who had the role and who has it now.</summary>
public sealed record Handover(Domain.Contact Previous, string NextName);

public static class HandoverTexts
{
    /// <summary>Stores a hand-over's former contact and new name under one id, which the event carries.</summary>
    public static async Task<string> SaveHandoverAsync(this TextStore texts, string applicationId, Domain.Contact previous, Domain.Contact next, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var id = $"handover-{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        await texts.SaveAsAsync(applicationId, id + ".from-name", previous.Name, at, cancellationToken);
        await texts.SaveAsAsync(applicationId, id + ".from-email", previous.Email, at, cancellationToken);
        await texts.SaveAsAsync(applicationId, id + ".to-name", next.Name, at, cancellationToken);
        return id;
    }

    public static async Task<Handover> ReadHandoverAsync(this TextStore texts, string applicationId, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var name = await texts.ResolveAsync(applicationId, TextStore.Ref(id + ".from-name"), cancellationToken) ?? "";
        var email = await texts.ResolveAsync(applicationId, TextStore.Ref(id + ".from-email"), cancellationToken) ?? "";
        var next = await texts.ResolveAsync(applicationId, TextStore.Ref(id + ".to-name"), cancellationToken) ?? "";
        return new Handover(new Domain.Contact(name, email), next);
    }

    /// <summary>The references a timeline line uses for a hand-over's two names.</summary>
    public static (string From, string To) HandoverNameRefs(string id) => (TextStore.Ref(id + ".from-name"), TextStore.Ref(id + ".to-name"));
}
