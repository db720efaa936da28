using System.Globalization;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;

namespace Experimenten.Commands.Coordinator;

/// <summary>
/// The coordinator's commands (design §5): each becomes an external event of the application's orchestration.
/// Every one is checked against the current stage and answered; nothing is dropped silently. The JSON API and
/// the detail page both call these, and only map the outcome.
/// </summary>
public sealed partial class CoordinatorActions(ReadModel readModel, ReviewStore reviews, ReportStore reports, TextStore texts, CallCatalog catalog, TimeProvider time, IStringLocalizer<CoordinatorText> text, IStringLocalizer<SharedText> shared)
{
    public const int MaxReason = 500;

    public Task<Outcome<DeadlineAccepted>> ExtendDeadlineAsync(ExtendDeadline command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            var errors = new Dictionary<string, string[]>();
            var now = time.GetUtcNow();
            if (command.Deadline is not { } deadline)
            {
                errors["deadline"] = [text["Problem.Deadline.Iso"]];
            }
            else if (deadline <= now)
            {
                errors["deadline"] = [text["Problem.Deadline.Past"]];
            }

            var reason = command.Reason.Trim();
            if (reason.Length is 0 or > MaxReason)
            {
                errors["reason"] = [text["Problem.Reason"]];
            }

            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            if (Active(view) is not { } target)
            {
                return WrongStage(view, text["Problem.WrongStage.NoDeadline"]);
            }

            var at = command.Deadline!.Value;
            var why = await texts.SaveAsync(view.Id, "deadline", reason, now, cancellationToken);
            await durable.RaiseEventAsync(target, Events.DeadlineExtended, new DeadlineExtended(at, why, now), cancellationToken);
            await readModel.SetDeadlineAsync(view.Id, at, cancellationToken);
            await readModel.AppendAsync(view.Id, TimelineLines.Entry(now, "DeadlineExtended", "Fund.DeadlineExtended", at.ToString("u", CultureInfo.InvariantCulture), reason) with { Id = $"DeadlineExtended-{now.UtcTicks}", Actor = command.By.Name }, cancellationToken);
            return Outcome.Accepted(new DeadlineAccepted(view.Id, at, reason));
        });

    public Task<Outcome<ReminderAccepted>> RemindAsync(SendReminder command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            if (Active(view) is not { } target)
            {
                return (Outcome<ReminderAccepted>)WrongStage(view, text["Problem.WrongStage.NobodyWaited"]);
            }

            await durable.RaiseEventAsync(target, Events.RemindNow, new RemindNow(time.GetUtcNow()), cancellationToken);
            return Outcome.Accepted(new ReminderAccepted(view.Id, view.WaitingOn.ToWire()));
        });

    public Task<Outcome<ReassignmentAccepted>> ReassignAsync(ReassignReviewer command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            if (view.Stage != Stage.InReview || view.Round == 0)
            {
                return WrongStage(view, text["Problem.WrongStage.NoRound"]);
            }

            var to = (await catalog.GetAsync(cancellationToken)).Panel.Find(command.To);
            var current = await reviews.GetAsync(view.Id, view.Round, command.From, cancellationToken);
            var errors = new Dictionary<string, string[]>();
            if (current is null || current.Reassigned)
            {
                errors["from"] = [text["Problem.Reassign.NotInRound"]];
            }
            else if (current.Decision is not null)
            {
                errors["from"] = [text["Problem.Reassign.Decided"]];
            }

            if (to is not { IsActive: true })
            {
                errors["to"] = [text["Problem.Reassign.Unknown"]];
            }
            else if (to.HasConflictWith(view.WelfareOrganisation))
            {
                errors["to"] = [text["Problem.Reassign.Conflict"]];
            }
            else if (await reviews.GetAsync(view.Id, view.Round, to.Id, cancellationToken) is { Reassigned: false })
            {
                errors["to"] = [text["Problem.Reassign.AlreadyIn"]];
            }

            if (errors.Count > 0)
            {
                return new Refusal(RefusalKind.Invalid, "invalid-reassignment", text["Problem.Reassign.Title"], text["Problem.Reassign.Detail"]) { Errors = errors, Status = 422 };
            }

            await durable.RaiseEventAsync(Events.RoundInstance(view.Id, view.Round), Events.ReviewerReassigned, new ReviewerReassigned(command.From, to!.Id, time.GetUtcNow()), cancellationToken);
            return Outcome.Accepted(new ReassignmentAccepted(view.Id, view.Round, command.From, to.Id));
        });
}
