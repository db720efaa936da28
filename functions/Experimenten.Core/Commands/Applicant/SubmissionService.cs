using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Submission;
using Experimenten.Telemetry;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Commands.Applicant;

/// <summary>
/// Submitting an application, for the API, the form and the seeds alike: checks the call, stores the plan,
/// records the application and starts its lifecycle (instance id = application id). Nothing is stored for a
/// refused submission.
/// </summary>
public sealed class SubmissionService(
    CallCatalog catalog,
    Calls.CallStore calls,
    PlanStore plans,
    ReadModel readModel,
    LinkSigner signer,
    IOptions<LinksOptions> links,
    TimeProvider time,
    IStringLocalizer<ApplicantText> text,
    ILogger<SubmissionService> log)
{
    /// <summary>The longest Idempotency-Key taken: it becomes part of a storage key.</summary>
    public const int MaxIdempotencyKey = 200;

    static readonly OrchestrationRuntimeStatus[] AnyStatus =
        [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    /// <summary>
    /// What only the catalogue and the clock can say: the call exists and is open, the key fits. Separate from
    /// <see cref="SubmitAsync"/> so the edge can count the contacts' addresses in between, for a form that
    /// would be accepted only (a refusal costs an address nothing).
    /// </summary>
    public async Task<Outcome<Call>> CheckAsync(SubmitApplication command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lang = command.Application.Language;
        using var _ = TextCulture.Use(lang);
        var callId = command.Application.CallId;
        // The call's own row, not a host's copy: a call closed a moment ago on another host takes nothing more.
        var call = Calls.CallInput.IsId(callId) ? await calls.GetAsync(callId, cancellationToken) : null;
        if (call is null)
        {
            return Refuse(new Refusal(RefusalKind.Invalid, "unknown-call", text["Problem.UnknownCall.Title"], text["Problem.UnknownCall.Detail", callId])
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Errors = new Dictionary<string, string[]> { ["callId"] = [text["Problem.UnknownCall.Field"]] },
            });
        }

        var now = time.GetUtcNow();
        if (!call.IsOpenAt(now))
        {
            var kind = now < call.OpensAt ? "CallNotOpen" : "CallClosed";
            return Refuse(new Refusal(RefusalKind.Invalid, now < call.OpensAt ? "call-not-open" : "call-closed", text[$"Problem.{kind}.Title"], text[$"Problem.{kind}.Detail"])
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Errors = new Dictionary<string, string[]> { ["callId"] = [text[$"Problem.{kind}.Field", now < call.OpensAt ? call.OpensAt : call.ClosesAt]] },
                Extensions = new Dictionary<string, object?> { ["deadline"] = call.ClosesAt, ["opensAt"] = call.OpensAt },
            });
        }

        if (command.IdempotencyKey is { Length: > MaxIdempotencyKey })
        {
            return Refuse(new Refusal(RefusalKind.Invalid, "invalid-idempotency-key", text["Problem.InvalidKey.Title"], text["Problem.InvalidKey.Detail"]));
        }

        return Outcome.Accepted(call);
    }

    /// <summary>Stores a checked application under a random id, or the id its Idempotency-Key gives.</summary>
    public async Task<Outcome<SubmittedApplication>> SubmitAsync(SubmitApplication command, Call call, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        var application = command.Application;
        var fingerprint = SubmissionFingerprint.Of(application, command.Plan is null ? null : await HashAsync(command.Plan.File, cancellationToken));
        var keyedId = command.IdempotencyKey is { Length: > 0 } key ? ApplicationIds.FromIdempotencyKey(call.Id, key) : null;
        var (id, record) = await StartAsync(application, call, keyedId, fingerprint, command.Plan, durable, cancellationToken);
        if (record == SubmissionRecord.Conflict)
        {
            // Says that the key is taken, never by what: no id, no link, no stage.
            using var _ = TextCulture.Use(application.Language);
            return Refuse(new Refusal(RefusalKind.Invalid, "idempotency-key-reused", text["Problem.KeyReused.Title"], text["Problem.KeyReused.Detail"])
            {
                Status = StatusCodes.Status422UnprocessableEntity,
            });
        }

        // A new application is "Submitted" by definition; only a repeated one needs a look-up.
        var view = record == SubmissionRecord.Repeat ? await readModel.GetAsync(id, cancellationToken) : null;
        var token = signer.Sign(LinkPurpose.Status, id, LinkSubjects.Submitter, 0, links.Value.StatusLinkLifetime);
        var statusUrl = $"{links.Value.BaseUrl}/api/applications/{id}?token={Uri.EscapeDataString(token)}";
        return Outcome.Accepted(new SubmittedApplication(id, view?.Stage ?? Stage.Submitted, token, statusUrl));
    }

    /// <summary>A demo application from the seeds: its fixed id makes every later start a no-op. No file, no checks of the call's dates.</summary>
    public async Task<string> SeedAsync(ApplicationForm application, Call call, string seedId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var (id, _) = await StartAsync(application, call, ApplicationIds.ForSeed(seedId), SubmissionFingerprint.Of(application, null), null, durable, cancellationToken);
        return id;
    }

    static async Task<string> HashAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await SubmissionFingerprint.HashAsync(stream, cancellationToken);
    }

    /// <summary>
    /// Stores the plan, records the application and starts its lifecycle. With an id (from an idempotency
    /// key or a seed) the same submission always lands on the same application and a second start changes
    /// nothing; another submission under that id is a <see cref="SubmissionRecord.Conflict"/> and changes nothing either.
    /// </summary>
    async Task<(string Id, SubmissionRecord Record)> StartAsync(ApplicationForm application, Call call, string? keyedId, string fingerprint, PlanUpload? plan, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var id = keyedId ?? ApplicationIds.NewRandom();
        if (plan is not null)
        {
            application = application with { PlanBlob = PlanStore.PlanPath(id, 1, plan.File.FileName, plan.ContentType) };
        }

        // The read-model row goes first and is only added if new, so a repeated key costs no extra look-up
        // on the way in. A row that is there already is the same key again; its fingerprint says whether
        // it is the same submission, and the durable instance whether that one got as far as its start.
        // One that was cut off before is finished now.
        ExperimentenTelemetry.TagApplication(id);
        var now = time.GetUtcNow();
        var record = await readModel.RecordSubmittedAsync(id, application, fingerprint, now, cancellationToken);
        if (record == SubmissionRecord.Conflict)
        {
            Logs.IdempotencyKeyConflict(log, call.Id);
            return (id, record);
        }

        if (record == SubmissionRecord.Repeat)
        {
            if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                Logs.ApplicationAlreadyExists(log, id);
                return (id, record);
            }

            await readModel.ReplaceSubmittedAsync(id, application, fingerprint, now, cancellationToken);
        }

        if (plan is not null)
        {
            await using var stream = plan.File.OpenReadStream();
            await plans.SaveAsync(application.PlanBlob!, plan.ContentType, stream, cancellationToken, plan.File.FileName);
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(ApplicationLifecycle),
                new LifecycleInput(id, call, now, ApplicationFacts.Of(application), (await catalog.GetAsync(cancellationToken)).Panel.EligibleFor(call, application.WelfareOrganisation)),
                new StartOrchestrationOptions(id) { Version = OrchestrationVersions.Current }.WithDedupeStatuses(AnyStatus),
                cancellationToken);
            Counters.SubmissionAccepted();
            Logs.ApplicationAccepted(log, id, call.Id);
        }
        catch (Exception) when (keyedId is not null)
        {
            // A concurrent request with the same key may have won the race: then answer with its application.
            if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            Logs.ApplicationAlreadyExists(log, id);
        }

        return (id, SubmissionRecord.New);
    }

    Refusal Refuse(Refusal refusal)
    {
        Logs.SubmissionRefused(log, Http.OutcomeResults.StatusOf(refusal), refusal.Code);
        return refusal;
    }
}
