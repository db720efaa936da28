namespace Experimenten.Email;

/// <summary>Where composed email goes: SendGrid in production, the local outbox without an API key.</summary>
public interface IEmailTransport
{
    /// <summary>Sends the message unless one with the same key was already sent. Throws on any failure.</summary>
    Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>SendGrid refused the message (non-2xx, 429 included): the activity fails and is retried.</summary>
public sealed class EmailDeliveryException(int status, string detail)
    : Exception($"SendGrid answered {status}: {detail}")
{
    public int Status { get; } = status;
}
