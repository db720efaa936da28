using Experimenten.Email;
using Experimenten.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Activities;

/// <summary>
/// Composes one email and hands it to the transport, which sends each key once. Applicant contacts
/// are looked up now, not when the orchestrator asked: after a hand-over, mail goes to the new person.
/// </summary>
public sealed class SendEmail(EmailComposer composer, IEmailTransport transport, ReadModel readModel, IOptions<EmailOptions> email, ILogger<SendEmail> log)
    : TaskActivity<EmailRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EmailRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var to = input.To;
        if (to.ApplicantRole is { } role)
        {
            var view = await readModel.GetAsync(input.ApplicationId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not in the read model.");
            var contact = view.ContactFor(role);
            to = to with { Name = contact.Name, Email = contact.Email };
        }
        else if (to.Key == Recipient.CoordinatorKey && to.Email.Length == 0)
        {
            to = to with { Name = "Fondsbureau", Email = email.Value.CoordinatorAddress };
        }

        var message = composer.Compose(input with { To = to });
        await transport.SendOnceAsync(message, CancellationToken.None);
        Logs.EmailSent(log, input.ApplicationId, input.Kind, input.Round, input.To.Key);
        return true;
    }
}
