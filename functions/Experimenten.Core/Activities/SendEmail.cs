using System.Diagnostics;
using Experimenten.Email;
using Experimenten.Storage;
using Experimenten.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Experimenten.Activities;

/// <summary>Emails that go out together (both contacts, every reviewer of a round); each with its own stable key.</summary>
public sealed record EmailBatch(IReadOnlyList<EmailOrder> Emails);

/// <summary>
/// Composes each email and hands it to the transport, which sends each key once — so a retry after a
/// partial failure sends only what is missing. Who gets it and what it says is read now, from the read
/// model (<see cref="EmailPreparation"/>): after a hand-over mail goes to the new person, and nothing
/// personal is in the orchestrator's request.
/// </summary>
public sealed class SendEmail(EmailComposer composer, EmailPreparation preparation, IEmailTransport transport, ReadModel readModel, ILogger<SendEmail> log)
    : TracedActivity<EmailBatch, bool>
{
    protected override string ApplicationId(EmailBatch input) => input.Emails.Count > 0 ? input.Emails[0].ApplicationId : "";

    protected override async Task<bool> ExecuteAsync(TaskActivityContext context, EmailBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // One read per application (a batch is of one), then the emails side by side: a round's invitations no
        // longer wait for each other. An erasure that lands meanwhile can miss the emails already on their way, as
        // before it could miss the one being sent; it deletes the ledger and outbox rows it finds.
        await Task.WhenAll(input.Emails.GroupBy(o => o.ApplicationId).Select(async orders =>
        {
            var view = await readModel.GetAsync(orders.Key, CancellationToken.None);
            if (view is null)
            {
                // Erased meanwhile (the coordinator or retention): there is nobody left to write to.
                foreach (var order in orders)
                {
                    Logs.EmailSkipped(log, order.ApplicationId, order.Kind, order.Round, order.To);
                }

                return;
            }

            await Task.WhenAll(orders.Select(order => SendAsync(order, view)));
        }));
        return true;
    }

    async Task SendAsync(EmailOrder order, ApplicationView view)
    {
        var request = await preparation.PrepareAsync(order, view, CancellationToken.None);
        if (request is null)
        {
            Logs.EmailSkipped(log, order.ApplicationId, order.Kind, order.Round, order.To);
            return;
        }

        // The kind, never an address.
        using (var span = ExperimentenTelemetry.Source.StartActivity("email.send"))
        {
            span?.SetTag(ExperimentenTelemetry.EmailKindTag, order.Kind.ToString());
            span?.SetTag(ExperimentenTelemetry.ApplicationIdTag, order.ApplicationId);
            try
            {
                var message = await composer.ComposeAsync(request);
                await transport.SendOnceAsync(message, CancellationToken.None);
            }
            catch (Exception e)
            {
                span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                Counters.EmailFailed(order.Kind);
                throw;
            }
        }

        Counters.EmailSent(order.Kind);
        Logs.EmailSent(log, order.ApplicationId, order.Kind, order.Round, order.To);
    }
}
