using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Pages;
using Experimenten.Storage;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Experimenten.Review;

/// <summary>
/// The applicant's signed upload links: <c>/revision/{token}</c> for a revised plan after "request
/// changes" and <c>/report/{token}</c> for a progress or final report. GET shows the form; POST acts.
/// </summary>
public sealed class UploadPages(ReadModel readModel, ReportStore reports, ReviewStore reviews, PlanStore plans, LinkSigner signer, IOptions<EmailOptions> email, TimeProvider time)
{
    public Task<IResult> GetRevisionAsync(HttpRequest request, string token, CancellationToken cancellationToken) =>
        HandleAsync(request, token, LinkPurpose.Revision, null, cancellationToken);

    public Task<IResult> PostRevisionAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken) =>
        HandleAsync(request, token, LinkPurpose.Revision, durable, cancellationToken);

    public Task<IResult> GetReportAsync(HttpRequest request, string token, CancellationToken cancellationToken) =>
        HandleAsync(request, token, LinkPurpose.Report, null, cancellationToken);

    public Task<IResult> PostReportAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken) =>
        HandleAsync(request, token, LinkPurpose.Report, durable, cancellationToken);

    async Task<IResult> HandleAsync(HttpRequest request, string token, LinkPurpose purpose, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Http.Problems.LanguageOf(request);
        var check = signer.Check(token, purpose);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is not null && (!ApplicantLinks.IsCurrent(check.Claims!, view) || ApplicantLinks.RoleOf(check.Claims!) is null))
        {
            view = null;
        }
        if (view is null)
        {
            return Message(lang, T(lang, "Deze link werkt niet (meer)", "This link does not work (any more)"),
                T(lang, "Gebruik de link uit de laatste e-mail.", "Use the link in the latest email."),
                check.Result == LinkCheckResult.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
        }

        lang = Http.Problems.LanguageOf(request, view.Language);
        var number = check.Claims!.Round;
        var open = purpose == LinkPurpose.Revision
            ? view.Stage == Stage.ChangesRequested && view.Round == number
            : view.Stage == Stage.Monitoring && await reports.GetAsync(view.Id, number, cancellationToken) is { Status: ReportStatus.Due or ReportStatus.ChangesRequested };
        var what = purpose == LinkPurpose.Revision ? T(lang, "aangepast plan", "revised plan") : T(lang, $"verslag {number}", $"report {number}");
        if (!open)
        {
            return Message(lang, view.Title, T(lang,
                $"Voor \"{view.Title}\" wordt nu geen {what} verwacht: het is al binnen, of de aanvraag is in een andere fase.",
                $"No {what} is expected for \"{view.Title}\" now: it has arrived already, or the application is at another stage."), StatusCodes.Status409Conflict);
        }

        if (durable is null)
        {
            // A revision answers the reviewers: their questions stand above the form, as in the email.
            var asked = purpose == LinkPurpose.Revision
                ? (await reviews.ListAsync(view.Id, cancellationToken)).Where(r => r.Round == number && !string.IsNullOrWhiteSpace(r.Comment)).Select(r => r.Comment!).ToList()
                : [];
            return Html.Page(lang, view.Title, Form(lang, view, purpose, what, $"/{(purpose == LinkPurpose.Revision ? "revision" : "report")}/{token}", null, asked), carriesToken: true);
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
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Html.Page(lang, view.Title, Form(lang, view, purpose, what, request.Path, T(lang, "Het formulier kwam niet goed aan, of het bestand is groter dan 10 MB.", "The form did not arrive intact, or the file is larger than 10 MB.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        var text = form["text"].ToString().Trim();
        var file = form.Files.GetFile("file");
        string? contentType = null;
        if (file is { Length: > 0 })
        {
            using var sniff = file.OpenReadStream();
            contentType = file.Length <= SubmissionLimits.MaxFileBytes ? FileTypes.Sniff(sniff) : null;
            if (contentType is null)
            {
                return Html.Page(lang, view.Title, Form(lang, view, purpose, what, request.Path, T(lang, "Stuur een PDF, Word (DOCX), OpenDocument (ODT), PNG of JPEG van hoogstens 10 MB.", "Send a PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG of at most 10 MB.")), StatusCodes.Status415UnsupportedMediaType, carriesToken: true);
            }
        }
        else if (text.Length == 0)
        {
            return Html.Page(lang, view.Title, Form(lang, view, purpose, what, request.Path, T(lang, "Typ een tekst of voeg een bestand toe.", "Type a text or attach a file.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        if (text.Length > SubmissionLimits.MaxPlanText || text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return Html.Page(lang, view.Title, Form(lang, view, purpose, what, request.Path, T(lang, "De tekst is te lang of bevat onleesbare tekens.", "The text is too long or contains unreadable characters.")), StatusCodes.Status400BadRequest, carriesToken: true);
        }

        var now = time.GetUtcNow();
        string? blob = null;
        if (purpose == LinkPurpose.Revision)
        {
            var version = view.Plan.Version + 1;
            if (file is { Length: > 0 })
            {
                await using var stream = file.OpenReadStream();
                blob = await plans.SavePlanAsync(view.Id, version, file.FileName, contentType!, stream, cancellationToken);
            }

            await durable.RaiseEventAsync(view.Id, Events.RevisionSubmitted, new RevisionSubmitted(version, blob, text.Length > 0 ? text : null, now), cancellationToken);
        }
        else
        {
            if (file is { Length: > 0 })
            {
                await using var stream = file.OpenReadStream();
                blob = await plans.SaveReportAsync(view.Id, number, file.FileName, contentType!, stream, cancellationToken);
            }

            await durable.RaiseEventAsync(Events.ReportInstance(view.Id, number), Events.ReportSubmitted, new ReportSubmitted(number, blob, text.Length > 0 ? text : null, now), cancellationToken);
        }

        return Message(lang, T(lang, "Ontvangen", "Received"), T(lang, $"Dank u wel: het {what} voor \"{view.Title}\" is ontvangen.", $"Thank you: the {what} for \"{view.Title}\" has been received."), StatusCodes.Status200OK);
    }

    static string Form(string lang, ApplicationView view, LinkPurpose purpose, string what, string action, string? error, IReadOnlyList<string>? asked = null)
    {
        // One error can concern either field (text or file), so both name it; the summary links to the first.
        var describedBy = error is null ? "" : " aria-describedby=\"upload-error\" aria-invalid=\"true\"";
        var intro = purpose == LinkPurpose.Revision
            ? T(lang, "Pas uw plan aan op wat de beoordelaars vragen. Een korte tekst of één bestand is genoeg.", "Change your plan to answer the reviewers. A short text or one file is enough.")
            : T(lang, "Een korte tekst of één bestand is genoeg. Schrijf vooral wat u leerde over samenwerken.", "A short text or one file is enough. Above all, write what you learned about working together.");
        var questions = asked is { Count: > 0 }
            ? $"<h2>{T(lang, "Wat de beoordelaars vragen", "What the reviewers ask")}</h2><ul class=\"comments\">{string.Concat(asked.Select(c => $"<li>{Html.E(c)}</li>"))}</ul>"
            : "";
        return $"<p class=\"eyebrow\">{Html.E(view.Title)}</p><h1>{Html.E(purpose == LinkPurpose.Revision ? T(lang, "Het aangepaste plan sturen", "Send the revised plan") : T(lang, $"Het {what} sturen", $"Send the {what}"))}</h1>"
            + $"<p>{Html.E(intro)}</p>" + questions
            + (error is null ? "" : $"<div class=\"notice notice-error\" role=\"alert\"><p class=\"notice-title\">{T(lang, "Nog niet verstuurd", "Not sent yet")}</p><p><a href=\"#text\">{Html.E(error)}</a></p></div>")
            + $"<form method=\"post\" action=\"{Html.E(action)}\" enctype=\"multipart/form-data\" novalidate>"
            + $"<div class=\"field{(error is null ? "" : " has-error")}\"><label for=\"text\">{T(lang, "Tekst", "Text")}</label>"
            + (error is null ? "" : $"<p class=\"field-error\" id=\"upload-error\"><span class=\"visually-hidden\">{T(lang, "Fout: ", "Error: ")}</span>{Html.E(error)}</p>")
            + $"<textarea id=\"text\" name=\"text\" rows=\"8\" maxlength=\"{SubmissionLimits.MaxPlanText}\"{describedBy}></textarea></div>"
            + $"<div class=\"field\"><label for=\"file\">{T(lang, "Of een bestand (niet verplicht)", "Or a file (optional)")}</label><p class=\"hint\" id=\"file-hint\">{T(lang, "PDF, Word (DOCX), OpenDocument (ODT), PNG of JPEG, hoogstens 10 MB.", "PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG, at most 10 MB.")}</p>"
            + $"<input type=\"file\" id=\"file\" name=\"file\" accept=\".pdf,.docx,.odt,.png,.jpg,.jpeg\" aria-describedby=\"file-hint{(error is null ? "" : " upload-error")}\"></div>"
            + $"<button type=\"submit\" class=\"primary\">{T(lang, "Versturen", "Send")}</button></form>";
    }

    IResult Message(string lang, string title, string text, int status) => Html.Page(lang, title,
        $"<h1>{Html.E(title)}</h1><p>{Html.E(text)}</p><p>{T(lang, "Vragen? Mail het fondsbureau:", "Questions? Email the fund office:")} <a href=\"mailto:{Html.E(email.Value.CoordinatorAddress)}\">{Html.E(email.Value.CoordinatorAddress)}</a></p>",
        status, carriesToken: true);

    static string T(string lang, string nl, string en) => Html.T(lang, nl, en);
}
