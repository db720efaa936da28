using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Experimenten.Pages.Applicant;

/// <summary>
/// The applicant's signed upload links: <c>/revision/{token}</c> for a revised plan after "request changes" and
/// <c>/report/{token}</c> for a progress or final report. GET shows the form; only POST sends, through
/// <see cref="Uploads"/>. Every page carries the token: no referrer, no caching.
/// </summary>
public sealed class UploadPages(Uploads uploads, UploadRefusals refusals, PageRenderer pages, IOptions<EmailOptions> email)
{
    public Task<IResult> GetRevisionAsync(HttpRequest request, string token, CancellationToken cancellationToken) =>
        GetAsync(request, UploadKind.Revision, token, cancellationToken);

    public Task<IResult> PostRevisionAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken) =>
        PostAsync(request, UploadKind.Revision, token, durable, cancellationToken);

    public Task<IResult> GetReportAsync(HttpRequest request, string token, CancellationToken cancellationToken) =>
        GetAsync(request, UploadKind.Report, token, cancellationToken);

    public Task<IResult> PostReportAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken) =>
        PostAsync(request, UploadKind.Report, token, durable, cancellationToken);

    async Task<IResult> GetAsync(HttpRequest request, UploadKind kind, string token, CancellationToken cancellationToken)
    {
        var opened = await uploads.OpenAsync(kind, token, Reader(request), cancellationToken);
        return opened.Outcome.Value is { } slot ? Form(request, token, slot, null, null) : Refused(opened.Language, opened.Outcome.Refusal!);
    }

    async Task<IResult> PostAsync(HttpRequest request, UploadKind kind, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        // The link first: a forged or spent link gets its answer before the body is read.
        var reader = Reader(request);
        var opened = await uploads.OpenAsync(kind, token, reader, cancellationToken);
        if (opened.Outcome.Value is not { } slot)
        {
            return Refused(opened.Language, opened.Outcome.Refusal!);
        }

        var form = await ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return Form(request, token, slot, refusals.Unreadable(slot.Language), null);
        }

        // Signed links are their own protection; the page's own form also carries the visitor's CSRF token, checked when sent.
        var text = form["text"].ToString();
        if (form.ContainsKey(Csrf.FieldName) && !Csrf.IsValid(request, form))
        {
            return Form(request, token, slot, refusals.Csrf(slot.Language), text);
        }

        var file = form.Files.GetFile("file");
        var outcome = kind == UploadKind.Revision
            ? await uploads.UploadRevisionAsync(new UploadRevision(token, text, file, reader), durable, cancellationToken)
            : await uploads.UploadReportAsync(new UploadReport(token, text, file, reader), durable, cancellationToken);
        if (outcome.Value is { } received)
        {
            return pages.Page<UploadReceivedPage>(slot.Language, new Dictionary<string, object?>
            {
                [nameof(UploadReceivedPage.Received)] = received,
                [nameof(UploadReceivedPage.Contact)] = Contact,
            }, Response(StatusCodes.Status200OK));
        }

        var refusal = outcome.Refusal!;
        return refusal.Kind == RefusalKind.Invalid ? Form(request, token, slot, refusal, text) : Refused(slot.Language, refusal);
    }

    /// <summary>Every upload page carries the token: no referrer, no caching.</summary>
    static PageResponse Response(int status, string? csrf = null) => new() { Status = status, CarriesToken = true, CsrfToken = csrf };

    static ReaderLanguage Reader(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReaderLanguage(Problems.LanguageOf(request), Languages.IsSupported(request.Query["lang"]));
    }

    /// <summary>The multipart body within the submission's limits; null when it is not one, or broken, or too large.</summary>
    static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, SubmissionLimits.Form));
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    string Contact => email.Value.CoordinatorAddress;

    IResult Form(HttpRequest request, string token, UploadSlot slot, Refusal? refusal, string? typed)
    {
        // The reader's explicit language choice stays on the form's action.
        var action = (slot.Kind == UploadKind.Revision ? "/revision/" : "/report/") + Uri.EscapeDataString(token)
            + (Languages.IsSupported(request.Query["lang"]) ? "?lang=" + slot.Language : "");
        return pages.Page<UploadPage>(slot.Language, new Dictionary<string, object?>
        {
            [nameof(UploadPage.Slot)] = slot,
            [nameof(UploadPage.Action)] = action,
            [nameof(UploadPage.Refusal)] = refusal,
            [nameof(UploadPage.Typed)] = typed,
        }, Response(refusal is null ? StatusCodes.Status200OK : OutcomeResults.StatusOf(refusal), Csrf.TokenFor(request)));
    }

    IResult Refused(string language, Refusal refusal) =>
        pages.Page<UploadRefusedPage>(language, new Dictionary<string, object?>
        {
            [nameof(UploadRefusedPage.Refusal)] = refusal,
            [nameof(UploadRefusedPage.Contact)] = Contact,
        }, Response(OutcomeResults.StatusOf(refusal)));
}
