using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.DurableTask.Client;

namespace Experimenten.Commands.Coordinator;

// Cancel, replace a contact, judge a report; and the checks every command shares.
public sealed partial class CoordinatorActions
{
    public Task<Outcome<CancellationAccepted>> CancelAsync(CancelApplication command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            var reason = command.Reason.Trim();
            if (reason.Length is 0 or > MaxReason)
            {
                return (Outcome<CancellationAccepted>)InvalidField("reason", text["Problem.Reason"]);
            }

            var now = time.GetUtcNow();
            var why = await texts.SaveAsync(view.Id, "cancelled", reason, now, cancellationToken);
            await durable.RaiseEventAsync(view.Id, Events.Cancelled, new Cancelled(why, now), cancellationToken);
            return Outcome.Accepted(new CancellationAccepted(view.Id, "cancel", reason));
        });

    /// <summary>
    /// A coordinator replaces a contact, with a reason that goes into the timeline: the way a side that lost
    /// access to its email gets back in, and the only way one side's contact changes without their own link.
    /// </summary>
    public Task<Outcome<ContactReplacementAccepted>> ReplaceContactAsync(ReplaceContact command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            var (role, next, errors) = ContactChange.Read(command.Fields, command.Language);
            var reason = command.Reason.Trim();
            if (reason.Length is 0 or > MaxReason)
            {
                errors["reason"] = [text["Problem.Reason"]];
            }

            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            var previous = view.ContactFor(role!.Value);
            await readModel.ChangeContactAsync(view.Id, role.Value, next!, null, cancellationToken);
            var now = time.GetUtcNow();
            await readModel.AppendAsync(view.Id, TimelineLines.Entry(now, "ContactReplaced", "Fund.ContactReplaced", reason) with { Id = $"ContactReplaced-{now.UtcTicks}", Actor = command.By.Name }, cancellationToken);
            var handover = await texts.SaveHandoverAsync(view.Id, previous, next!, now, cancellationToken);
            await durable.RaiseEventAsync(view.Id, Events.ContactsChanged, new ContactsChanged(role.Value, handover, now), cancellationToken);
            return Outcome.Accepted(new ContactReplacementAccepted(view.Id, role.Value.ToString().ToLowerInvariant(), next!.Name, next.Email, reason));
        });

    public Task<Outcome<ReportJudgementAccepted>> JudgeReportAsync(JudgeReport command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        ActAsync(command.ApplicationId, command.By, command.Language, cancellationToken, async view =>
        {
            ArgumentNullException.ThrowIfNull(durable);
            var report = await reports.GetAsync(view.Id, command.Number, cancellationToken);
            if (view.Stage != Stage.Monitoring || report is not { Status: ReportStatus.Submitted })
            {
                return WrongStage(view, text["Problem.WrongStage.NoReport", command.Number]);
            }

            var comment = command.Comment.Trim();
            if (!command.Accept && comment.Length == 0)
            {
                return InvalidField("comment", text["Problem.Report.Comment"]);
            }

            var now = time.GetUtcNow();
            var said = await texts.SaveAsync(view.Id, $"verdict-{command.Number}", comment, now, cancellationToken);
            await durable.RaiseEventAsync(Events.ReportInstance(view.Id, command.Number), Events.ReportReviewed, new ReportReviewed(command.Number, command.Accept, said, now), cancellationToken);
            return Outcome.Accepted(new ReportJudgementAccepted(view.Id, command.Number, command.Accept));
        });

    /// <summary>The application must exist and still be open; a refused action on a closed one is noted in its timeline.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The action reads best as the last argument at every call site.")]
    async Task<Outcome<T>> ActAsync<T>(string id, CoordinatorActor by, string language, CancellationToken cancellationToken, Func<ApplicationView, Task<Outcome<T>>> act)
    {
        using var _ = TextCulture.Use(language);
        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return new Refusal(RefusalKind.NotFound, "not-found", text["Problem.NotFound.Title"], text["Problem.NotFound.Detail"]);
        }

        if (view.Stage.IsFinal())
        {
            var now = time.GetUtcNow();
            await readModel.AppendAsync(id, TimelineLines.Entry(now, "Refused", "Fund.Refused") with { Id = $"Refused-{now.UtcTicks}", Actor = $"{by.Name} ({by.Via})" }, cancellationToken);
            return WrongStage(view, text["Problem.WrongStage.Closed"]);
        }

        return await act(view);
    }

    /// <summary>The instance whose timer the application is waiting on, as the orchestrations recorded it.</summary>
    static string? Active(ApplicationView view) => view.Stage switch
    {
        Stage.InReview when view.Round > 0 => Events.RoundInstance(view.Id, view.Round),
        Stage.ChangesRequested or Stage.Monitoring when !string.IsNullOrEmpty(view.ActiveInstance) => view.ActiveInstance,
        _ => null,
    };

    Refusal WrongStage(ApplicationView view, string why) =>
        new(RefusalKind.WrongStage, "wrong-stage", text["Problem.WrongStage.Title"], text["Problem.WrongStage.Detail", why, shared.Stage(view.Stage)]) { Extensions = new Dictionary<string, object?> { ["stage"] = view.Stage.ToString() } };

    Refusal Invalid(Dictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, "invalid-fields", text["Problem.Invalid.Title"], text["Problem.Invalid.Detail"]) { Errors = errors };

    /// <summary>One field is wrong: its error is the detail too, as the API has always said it.</summary>
    Refusal InvalidField(string field, string error) =>
        new(RefusalKind.Invalid, "invalid-fields", text["Problem.Invalid.Title"], error) { Errors = new Dictionary<string, string[]> { [field] = [error] } };
}
