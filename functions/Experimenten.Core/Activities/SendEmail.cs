using System.Diagnostics;
using Experimenten.Email;
using Experimenten.Storage;
using Experimenten.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Activities;

/// <summary>Emails that go out together (both contacts, every reviewer of a round); each with its own stable key.</summary>
public sealed record EmailBatch(IReadOnlyList<EmailRequest> Emails);

/// <summary>
/// Composes each email and hands it to the transport, which sends each key once — so a retry after a
/// partial failure sends only what is missing. Applicant contacts are looked up now, not when the
/// orchestrator asked: after a hand-over, mail goes to the new person.
/// </summary>
public sealed class SendEmail(EmailComposer composer, IEmailTransport transport, ReadModel readModel, IOptions<EmailOptions> email, ILogger<SendEmail> log)
    : TracedActivity<EmailBatch, bool>
{
    protected override string ApplicationId(EmailBatch input) => input.Emails.Count > 0 ? input.Emails[0].ApplicationId : "";

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, EmailBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApplicationView? view = null;
        foreach (var request in input.Emails)
        {
            var to = request.To;
            if (to.ApplicantRole is { } role)
            {
                view ??= await readModel.GetAsync(request.ApplicationId, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Application {request.ApplicationId} is not in the read model.");
                var contact = view.ContactFor(role);
                to = to with { Name = contact.Name, Email = contact.Email, Gen = view.GenFor(role) };
            }
            else if (to.Key == Recipient.CoordinatorKey && to.Email.Length == 0)
            {
                to = to with { Name = "Fondsbureau", Email = email.Value.CoordinatorAddress };
            }

            // The kind, never an address.
            using (var span = ExperimentenTelemetry.Source.StartActivity("email.send"))
            {
                span?.SetTag(ExperimentenTelemetry.EmailKindTag, request.Kind.ToString());
                span?.SetTag(ExperimentenTelemetry.ApplicationIdTag, request.ApplicationId);
                try
                {
                    var message = await composer.ComposeAsync(request with { To = to });
                    await transport.SendOnceAsync(message, CancellationToken.None);
                }
                catch (Exception e)
                {
                    span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                    Counters.EmailFailed(request.Kind);
                    throw;
                }
            }

            Counters.EmailSent(request.Kind);
            Logs.EmailSent(log, request.ApplicationId, request.Kind, request.Round, request.To.Key);
        }

        return true;
    }
}
