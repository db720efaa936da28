using System.Globalization;
using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Pages;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Experimenten.Submission;

/// <summary>
/// Reads the multipart form of an application into a <see cref="SubmitApplication"/>: within the body limits,
/// past the form's CSRF check, every field checked and the plan file's type sniffed. Each refusal names the
/// fields and stores nothing.
/// </summary>
public sealed class SubmissionParser(IStringLocalizer<ApplicantText> text, IStringLocalizer<ProblemText> problems, ILogger<SubmissionParser> log)
{
    /// <summary>What the form's consent field may say to mean yes (a checkbox sends "on"; scripts send "true").</summary>
    public static readonly IReadOnlyList<string> ConsentValues = ["true", "on", "yes", "1", "ja"];

    public async Task<SubmissionRequest> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (!request.HasFormContentType || !(request.ContentType ?? "").Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new(lang, false, null, Refuse(lang, RefusalKind.Invalid, "unsupported-media-type", "UnsupportedMediaType", StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > SubmissionLimits.MaxBodyBytes)
        {
            return new(lang, false, null, TooLarge(lang));
        }

        var (form, unreadable) = await ReadAsync(request, lang, cancellationToken);
        if (form is null)
        {
            return new(lang, false, null, unreadable!);
        }

        lang = Problems.LanguageOf(request, form["language"]);
        var wantsPage = form[SubmissionPage.FormatField] == "html";
        if (!SubmissionPage.PassesCsrf(request, form))
        {
            return new(lang, wantsPage, form, Refuse(lang, RefusalKind.Refused, "csrf", "Csrf", StatusCodes.Status403Forbidden));
        }

        return new(lang, wantsPage, form, Check(form, lang, request.Headers["Idempotency-Key"].ToString()));
    }

    async Task<(IFormCollection? Form, Refusal? Unreadable)> ReadAsync(HttpRequest request, string lang, CancellationToken cancellationToken)
    {
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, SubmissionLimits.Form));
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        // ASP.NET Core tells its limits apart only by message. Only the body's length means "too large";
        // too many fields is not a browser's form, and an overlong boundary or part header is a broken one.
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge(lang));
        }
        catch (InvalidDataException e) when (e.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase))
        {
            using var _ = TextCulture.Use(lang);
            return (null, Logged(new Refusal(RefusalKind.Invalid, "too-many-fields", text["Problem.TooManyFields.Title"], text["Problem.TooManyFields.Detail", SubmissionLimits.MaxFormValues])));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(lang));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Refuse(lang, RefusalKind.Invalid, "malformed-form", "MalformedForm", null));
        }
    }

    /// <summary>Every field of a form that was read: the command, or every field's error at once.</summary>
    public Outcome<SubmitApplication> Check(IFormCollection form, string lang, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var _ = TextCulture.Use(lang);
        var check = new SubmissionValidator(lang, problems);
        var application = new ApplicationForm(
            check.Text(form, "callId", 64),
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
            check.Add("language", text["Submission.Language"]);
        }

        if (!IsYes(form["consent"]))
        {
            check.Add("consent", text["Submission.Consent"]);
        }

        var status = StatusCodes.Status400BadRequest;
        var plan = CheckFile(form, check, ref status);
        if (plan is null && application.PlanText is null && !check.Errors.ContainsKey("plan"))
        {
            check.Add("planText", text["Submission.PlanMissing"]);
        }

        if (check.IsValid)
        {
            return Outcome.Accepted(new SubmitApplication(application, plan, idempotencyKey is { Length: > 0 } ? idempotencyKey : null));
        }

        var (code, title) = status switch
        {
            StatusCodes.Status413PayloadTooLarge => ("too-large", "Problem.FileTooLarge.Title"),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported-file", "Problem.FileType.Title"),
            _ => ("invalid-fields", "Problem.InvalidFields.Title"),
        };
        Logs.SubmissionRefused(log, status, string.Join(",", check.Errors.Keys));
        return new Refusal(RefusalKind.Invalid, code, text[title], text["Problem.InvalidFields.Detail"])
        {
            Status = status,
            Errors = new Dictionary<string, string[]>(check.Errors, StringComparer.Ordinal),
        };
    }

    PlanUpload? CheckFile(IFormCollection form, SubmissionValidator check, ref int status)
    {
        if (form.Files.Count == 0)
        {
            return null;
        }

        if (form.Files.Count > 1 || form.Files.Any(f => f.Name != "plan"))
        {
            check.Add("plan", text["Submission.Plan.OneFile"]);
            return null;
        }

        var file = form.Files[0];
        if (file.Length > SubmissionLimits.MaxFileBytes)
        {
            status = StatusCodes.Status413PayloadTooLarge;
            check.Add("plan", text["Submission.Plan.TooLarge", (file.Length / (1024 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)]);
            return null;
        }

        if (file.Length == 0)
        {
            check.Add("plan", text["Submission.Plan.Empty"]);
            return null;
        }

        using var stream = file.OpenReadStream();
        if (FileTypes.Sniff(stream) is not { } contentType)
        {
            status = StatusCodes.Status415UnsupportedMediaType;
            check.Add("plan", text["Submission.Plan.Type"]);
            return null;
        }

        return new PlanUpload(file, contentType);
    }

    Refusal TooLarge(string lang)
    {
        using var _ = TextCulture.Use(lang);
        return Logged(new Refusal(RefusalKind.Invalid, "too-large", text["Problem.TooLarge.Title"], text["Problem.TooLarge.Detail"])
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Errors = new Dictionary<string, string[]> { ["plan"] = [text["Problem.TooLarge.Plan"]] },
        });
    }

    Refusal Refuse(string lang, RefusalKind kind, string code, string key, int? status)
    {
        using var _ = TextCulture.Use(lang);
        return Logged(new Refusal(kind, code, text[$"Problem.{key}.Title"], text[$"Problem.{key}.Detail"]) { Status = status });
    }

    Refusal Logged(Refusal refusal)
    {
        Logs.SubmissionRefused(log, OutcomeResults.StatusOf(refusal), refusal.Code);
        return refusal;
    }

    static bool IsYes(string? value) => value is not null && ConsentValues.Contains(value, StringComparer.Ordinal);

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
