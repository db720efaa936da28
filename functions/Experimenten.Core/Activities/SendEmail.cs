using Experimenten.Email;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Experimenten.Activities;

/// <summary>Composes one email and hands it to the transport, which sends each key once.</summary>
public sealed class SendEmail(EmailComposer composer, IEmailTransport transport, ILogger<SendEmail> log) : TaskActivity<EmailRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EmailRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var message = composer.Compose(input);
        await transport.SendOnceAsync(message, CancellationToken.None);
        Logs.EmailSent(log, input.ApplicationId, input.Kind, input.Round, input.To.Key);
        return true;
    }
}
