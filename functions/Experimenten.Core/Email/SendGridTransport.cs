using Azure;
using Azure.Data.Tables;
using Experimenten.Health;
using Experimenten.Storage;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Experimenten.Email;

/// <summary>
/// Sends through the real SendGrid SDK. A sent key is recorded so a retried activity does not send
/// again; any non-2xx answer (429 included) throws, failing the activity so the orchestration retries.
/// </summary>
public sealed class SendGridTransport(ISendGridClient client, StorageClients clients, IOptions<EmailOptions> email, TimeProvider time, EmailDeliveryRecord deliveries) : IEmailTransport
{
    const string Partition = "sent";

    TableClient Sent => clients.Table(StorageNames.SentMailTable);

    public async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var rowKey = KeyEncoding.RowKey(message.Key);
        var already = await Sent.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        if (already.HasValue)
        {
            return;
        }

        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(email.Value.From, email.Value.FromName),
            new EmailAddress(message.To, message.ToName),
            message.Subject,
            message.Text,
            message.Html);
        mail.AddCustomArg("experimenten_key", message.Key);
        mail.SetClickTracking(false, false);

        SendGrid.Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            deliveries.Failed(e is HttpRequestException ? "unreachable" : "timeout");
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            deliveries.Failed(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            throw new EmailDeliveryException((int)response.StatusCode, await response.Body.ReadAsStringAsync(cancellationToken));
        }

        deliveries.Succeeded();

        try
        {
            await Sent.AddEntityAsync(new TableEntity(Partition, rowKey) { ["SentAt"] = time.GetUtcNow(), ["ApplicationId"] = message.ApplicationId }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }
}
