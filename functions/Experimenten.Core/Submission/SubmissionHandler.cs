using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Pages;
using Experimenten.Pages.Applicant;
using Experimenten.Storage;
using Experimenten.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Submission;

/// <summary>
/// <c>POST /api/applications</c>: checks everything first, stores nothing for a refused submission,
/// then stores the plan, records the application and starts its lifecycle (instance id = application id).
/// </summary>
public sealed class SubmissionHandler(
    CallCatalog catalog,
    PlanStore plans,
    ReadModel readModel,
    LinkSigner signer,
    IOptions<LinksOptions> links,
    TimeProvider time,
    FormHandler formPage,
    RateLimits limits,
    ILogger<SubmissionHandler> log)
{
    static readonly OrchestrationRuntimeStatus[] AnyStatus =
        [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await HandleApiAsync(request, durable, cancellationToken);

        // The form's plain (no-JavaScript) post asks for a page; API clients keep JSON.
        return SubmissionPage.WantsHtml(request) ? SubmissionPage.Render(formPage, request, result) : result;
    }

    async Task<IResult> HandleApiAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        if (!request.HasFormContentType || !(request.ContentType ?? "").Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", lang,
                "Verkeerd formaat", "Wrong format",
                "Stuur het formulier als multipart/form-data.", "Send the form as multipart/form-data.");
        }

        if (request.ContentLength > SubmissionLimits.MaxBodyBytes)
        {
            return TooLarge(lang);
        }

        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = SubmissionLimits.MaxBodyBytes,
                MemoryBufferThreshold = SubmissionLimits.UploadMemoryBufferBytes,
                ValueLengthLimit = SubmissionLimits.MaxPlanText * 4,
                ValueCountLimit = SubmissionLimits.MaxFormValues,
            }));
            form = await request.ReadFormAsync(cancellationToken);
        }
        // ASP.NET Core tells its limits apart only by message. Only the body's length means "too large";
        // too many fields is not a browser's form, and an overlong boundary or part header is a broken one.
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(lang);
        }
        catch (InvalidDataException e) when (e.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status400BadRequest, "too-many-fields", lang,
                "Te veel velden", "Too many fields",
                $"Het formulier heeft meer dan {SubmissionLimits.MaxFormValues} velden. Gebruik het formulier op de website; er is niets opgeslagen.",
                $"The form has more than {SubmissionLimits.MaxFormValues} fields. Please use the form on the website; nothing was stored.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(lang);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "malformed-form", lang,
                "Formulier onleesbaar", "Unreadable form",
                "Het formulier kwam niet goed aan. Probeer het opnieuw; uw gegevens zijn niet opgeslagen.",
                "The form did not arrive intact. Please try again; nothing was stored.");
        }

        lang = Problems.LanguageOf(request, form["language"]);
        if (!SubmissionPage.PassesCsrf(request, form))
        {
            return Refuse(StatusCodes.Status403Forbidden, "csrf", lang,
                "Formulier verlopen", "Form expired",
                "Het formulier was verlopen. Uw gegevens staan er nog: verstuur het opnieuw.", "The form had expired. Your details are still here: please send it again.");
        }

        var check = new SubmissionValidator(lang);
        var callId = check.Text(form, "callId", 64);
        var application = new ApplicationForm(
            callId,
            check.Text(form, "title", SubmissionLimits.MaxTitle),
            check.Text(form, "summary", SubmissionLimits.MaxSummary, multiline: true),
            check.Text(form, "initiativeName", SubmissionLimits.MaxShortText),
            new Contact(check.Text(form, "residentContactName", SubmissionLimits.MaxShortText), check.EmailAddress(form, "residentContactEmail")),
            check.Text(form, "welfareOrganisation", SubmissionLimits.MaxShortText),
            new Contact(check.Text(form, "welfareContactName", SubmissionLimits.MaxShortText), check.EmailAddress(form, "welfareContactEmail")),
            check.Text(form, "municipality", SubmissionLimits.MaxShortText),
            check.Budget(form, "budgetRequested"),
            NullIfEmpty(check.Text(form, "planText", SubmissionLimits.MaxPlanText, required: false, multiline: true)),
            null,
            lang);

        var language = form["language"].ToString();
        if (language.Length > 0 && !Languages.IsSupported(language))
        {
            check.Add("language", "Kies nl of en.", "Choose nl or en.");
        }

        if (!IsYes(form["consent"]))
        {
            check.Add("consent", "Geef toestemming om uw gegevens voor deze aanvraag te gebruiken.", "Please agree to the use of your details for this application.");
        }

        var status = StatusCodes.Status400BadRequest;
        var file = CheckFile(form, check, ref status, out var contentType);
        if (file is null && application.PlanText is null && !check.Errors.ContainsKey("plan"))
        {
            check.Add("planText", "Typ uw plan, of voeg één bestand toe.", "Type your plan, or attach one file.");
        }

        if (!check.IsValid)
        {
            var allowed = status == StatusCodes.Status400BadRequest ? "invalid-fields" : status == StatusCodes.Status413PayloadTooLarge ? "too-large" : "unsupported-file";
            Logs.SubmissionRefused(log, status, string.Join(",", check.Errors.Keys));
            var (titleNl, titleEn) = status switch
            {
                StatusCodes.Status413PayloadTooLarge => ("Bestand te groot", "File too large"),
                StatusCodes.Status415UnsupportedMediaType => ("Soort bestand niet toegestaan", "File type not accepted"),
                _ => ("Controleer het formulier", "Please check the form"),
            };
            return Problems.Create(status, allowed,
                Problems.Pick(lang, titleNl, titleEn),
                Problems.Pick(lang, "Niet alles is goed ingevuld. Bij elk veld staat wat er mis is. Er is niets opgeslagen.",
                    "Some fields need attention; each says what is wrong. Nothing was stored."),
                check.Errors);
        }

        var call = catalog.Find(callId);
        var now = time.GetUtcNow();
        if (call is null)
        {
            check.Add("callId", "Deze oproep bestaat niet.", "This call does not exist.");
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-call",
                Problems.Pick(lang, "Onbekende oproep", "Unknown call"),
                Problems.Pick(lang, $"Er is geen oproep met de naam \"{callId}\". Er is niets opgeslagen.", $"There is no call named \"{callId}\". Nothing was stored."),
                check.Errors);
        }

        if (!call.IsOpenAt(now))
        {
            var before = now < call.OpensAt;
            check.Add("callId",
                before ? $"Deze oproep gaat pas open op {call.OpensAt:O}." : $"Deze oproep sloot op {call.ClosesAt:O}.",
                before ? $"This call opens on {call.OpensAt:O}." : $"This call closed on {call.ClosesAt:O}.");
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, before ? "call-not-open" : "call-closed",
                Problems.Pick(lang, before ? "Oproep nog niet open" : "Oproep gesloten", before ? "Call not open yet" : "Call closed"),
                Problems.Pick(lang,
                    before ? "Aanvragen kan pas als de oproep open is. Er is niets opgeslagen." : "De deadline van deze oproep is voorbij. Er is niets opgeslagen.",
                    before ? "You can apply once the call opens. Nothing was stored." : "The deadline of this call has passed. Nothing was stored."),
                check.Errors,
                new Dictionary<string, object?> { ["deadline"] = call.ClosesAt, ["opensAt"] = call.OpensAt });
        }

        // Counted only now, for a form that would be accepted: refusals cost an address nothing.
        if (limits.RefuseContacts(request, lang, application) is { } tooMany)
        {
            return tooMany;
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid-idempotency-key", lang,
                "Ongeldige Idempotency-Key", "Invalid Idempotency-Key",
                "De Idempotency-Key mag hoogstens 200 tekens zijn.", "The Idempotency-Key may be at most 200 characters.");
        }

        var fingerprint = SubmissionFingerprint.Of(application, file is null ? null : await HashAsync(file, cancellationToken));
        var (id, record) = await StartAsync(application, call, key.Length > 0 ? ApplicationIds.FromIdempotencyKey(call.Id, key) : null, fingerprint, file, contentType, durable, cancellationToken);
        if (record == SubmissionRecord.Conflict)
        {
            // Says that the key is taken, never by what: no id, no link, no stage.
            return Refuse(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", lang,
                "Sleutel al gebruikt", "Key already used",
                "Deze Idempotency-Key hoort al bij een andere aanvraag, met andere gegevens. Er is niets opgeslagen. Stuur de aanvraag opnieuw met een nieuwe, willekeurige sleutel (bijvoorbeeld een UUID).",
                "This Idempotency-Key already belongs to another submission with other content. Nothing was stored. Send the application again with a new, random key (a UUID, for example).");
        }

        return await AcceptedAsync(id, record == SubmissionRecord.Repeat, cancellationToken);
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
    public async Task<(string Id, SubmissionRecord Record)> StartAsync(ApplicationForm application, Call call, string? keyedId, string fingerprint, IFormFile? file, string? contentType, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(durable);
        var id = keyedId ?? ApplicationIds.NewRandom();
        if (file is not null)
        {
            application = application with { PlanBlob = PlanStore.PlanPath(id, 1, file.FileName, contentType!) };
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

        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            await plans.SaveAsync(application.PlanBlob!, contentType!, stream, cancellationToken);
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(ApplicationLifecycle),
                new LifecycleInput(id, application, call, now, catalog.Panel.Reviewers),
                new StartOrchestrationOptions(id).WithDedupeStatuses(AnyStatus),
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

    async Task<IResult> AcceptedAsync(string id, bool existing, CancellationToken cancellationToken)
    {
        // A new application is "Submitted" by definition; only a repeated one needs a look-up.
        var view = existing ? await readModel.GetAsync(id, cancellationToken) : null;
        var token = signer.Sign(LinkPurpose.Status, id, LinkSubjects.Submitter, 0, links.Value.StatusLinkLifetime);
        var statusUrl = $"{links.Value.BaseUrl}/api/applications/{id}?token={Uri.EscapeDataString(token)}";
        return Results.Json(new SubmissionAccepted(id, (view?.Stage ?? Stage.Submitted).ToString(), statusUrl), statusCode: StatusCodes.Status202Accepted);
    }

    static IFormFile? CheckFile(IFormCollection form, SubmissionValidator check, ref int status, out string? contentType)
    {
        contentType = null;
        if (form.Files.Count == 0)
        {
            return null;
        }

        if (form.Files.Count > 1 || form.Files.Any(f => f.Name != "plan"))
        {
            check.Add("plan", "Voeg precies één bestand toe, in het veld 'plan'.", "Attach exactly one file, in the field 'plan'.");
            return null;
        }

        var file = form.Files[0];
        if (file.Length > SubmissionLimits.MaxFileBytes)
        {
            status = StatusCodes.Status413PayloadTooLarge;
            check.Add("plan", $"Het bestand is te groot ({file.Length / (1024 * 1024.0):0.0} MB). Het mag hoogstens 10 MB zijn.",
                $"The file is too large ({file.Length / (1024 * 1024.0):0.0} MB). It may be at most 10 MB.");
            return null;
        }

        if (file.Length == 0)
        {
            check.Add("plan", "Het bestand is leeg.", "The file is empty.");
            return null;
        }

        using var stream = file.OpenReadStream();
        contentType = FileTypes.Sniff(stream);
        if (contentType is null)
        {
            status = StatusCodes.Status415UnsupportedMediaType;
            check.Add("plan", "Dit soort bestand kunnen we niet aannemen. Stuur een PDF, Word (DOCX), OpenDocument (ODT), PNG of JPEG.",
                "We cannot accept this kind of file. Send a PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG.");
            return null;
        }

        return file;
    }

    IResult TooLarge(string lang) => Refuse(StatusCodes.Status413PayloadTooLarge, "too-large", lang,
        "Te groot", "Too large",
        "De aanvraag is te groot. Een bestand mag hoogstens 10 MB zijn. Er is niets opgeslagen.",
        "The submission is too large. A file may be at most 10 MB. Nothing was stored.",
        new Dictionary<string, string[]> { ["plan"] = [Problems.Pick(lang, "Het bestand mag hoogstens 10 MB zijn.", "The file may be at most 10 MB.")] });

    IResult Refuse(int status, string code, string lang, string titleNl, string titleEn, string detailNl, string detailEn, IDictionary<string, string[]>? errors = null)
    {
        Logs.SubmissionRefused(log, status, code);
        return Problems.Create(status, code, Problems.Pick(lang, titleNl, titleEn), Problems.Pick(lang, detailNl, detailEn), errors);
    }

    /// <summary>What the form's consent field may say to mean yes (a checkbox sends "on"; scripts send "true").</summary>
    public static readonly IReadOnlyList<string> ConsentValues = ["true", "on", "yes", "1", "ja"];

    static bool IsYes(string? value) => value is not null && ConsentValues.Contains(value, StringComparer.Ordinal);

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public sealed record SubmissionAccepted(string Id, string Stage, string StatusUrl);
