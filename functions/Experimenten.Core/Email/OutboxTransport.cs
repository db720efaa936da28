using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Experimenten.Storage;

namespace Experimenten.Email;

/// <summary>
/// The local outbox: each message stored once under its stable key (a second add is a no-op).
/// Shown by the self-host at /dev/mail.
/// </summary>
public sealed class OutboxTransport(StorageClients clients, TimeProvider time) : IEmailTransport
{
    const string Partition = "mail";

    TableClient Table => clients.Table(StorageNames.OutboxTable);

    public async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, KeyEncoding.RowKey(message.Key))
        {
            ["Key"] = message.Key,
            ["ApplicationId"] = message.ApplicationId,
            ["To"] = message.To,
            ["ToName"] = message.ToName,
            ["Subject"] = message.Subject,
            ["Text"] = message.Text,
            ["Html"] = message.Html,
            ["Links"] = JsonSerializer.Serialize(message.Links),
            ["SentAt"] = time.GetUtcNow(),
        };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already in the outbox: this is a retry of a send that did happen.
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<OutboxMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(t => t.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            all.Add(new OutboxMessage(
                e.GetString("Key"),
                e.GetString("ApplicationId"),
                e.GetString("To"),
                e.GetString("Subject"),
                e.GetString("Text"),
                e.GetString("Html"),
                JsonSerializer.Deserialize<string[]>(e.GetString("Links") ?? "[]") ?? [],
                e.GetDateTimeOffset("SentAt") ?? default));
        }

        return [.. all.OrderBy(m => m.SentAt)];
    }
}

/// <summary>A row of /dev/mail.json (design §5: to, subject, text, html, links, sentAt).</summary>
public sealed record OutboxMessage(string Key, string ApplicationId, string To, string Subject, string Text, string Html, IReadOnlyList<string> Links, DateTimeOffset SentAt);
