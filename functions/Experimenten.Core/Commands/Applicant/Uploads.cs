using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Commands.Applicant;

/// <summary>
/// The applicant's signed upload links, <c>/revision/{token}</c> and <c>/report/{token}</c>: the one place that
/// says whether a link still asks for something, checks what was sent, stores the file and tells the lifecycle,
/// for the page and any other edge. Nothing is stored for a refused upload.
/// </summary>
public sealed class Uploads(ReadModel readModel, ReportStore reports, ReviewStore reviews, PlanStore plans, TextStore texts, LinkSigner signer, UploadRefusals refusals, TimeProvider time)
{
    /// <summary>What the link asks for now, with the reviewers' questions for a revision; or why it asks for nothing.</summary>
    public Task<UploadOpened> OpenAsync(UploadKind kind, string token, ReaderLanguage language, CancellationToken cancellationToken) =>
        OpenAsync(kind, token, language, questions: true, cancellationToken);

    /// <summary>Stores the revised plan (a new plan version) and raises <see cref="Events.RevisionSubmitted"/> on the application.</summary>
    /// <remarks>The durable client comes from the caller: the Functions worker binds it per call, the self-host from its services.</remarks>
    public async Task<Outcome<UploadReceived>> UploadRevisionAsync(UploadRevision command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        var (slot, upload, refusal) = await CheckAsync(UploadKind.Revision, command.Token, command.Text, command.File, command.Language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var version = slot!.View.Plan.Version + 1;
        string? blob = null;
        if (upload is { } file)
        {
            await using var stream = file.File.OpenReadStream();
            blob = await plans.SavePlanAsync(slot.View.Id, version, file.File.FileName, file.ContentType, stream, cancellationToken);
        }

        var now = time.GetUtcNow();
        var typed = await texts.SaveAsync(slot.View.Id, $"plan-v{version}", TextOrNull(command.Text), now, cancellationToken);
        await durable.RaiseEventAsync(slot.View.Id, Events.RevisionSubmitted, new RevisionSubmitted(version, blob, typed, now), cancellationToken);
        return Outcome.Accepted(new UploadReceived(slot, blob, now));
    }

    /// <summary>Stores the report and raises <see cref="Events.ReportSubmitted"/> on its report cycle.</summary>
    public async Task<Outcome<UploadReceived>> UploadReportAsync(UploadReport command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        var (slot, upload, refusal) = await CheckAsync(UploadKind.Report, command.Token, command.Text, command.File, command.Language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var number = slot!.Number;
        string? blob = null;
        if (upload is { } file)
        {
            await using var stream = file.File.OpenReadStream();
            blob = await plans.SaveReportAsync(slot.View.Id, number, file.File.FileName, file.ContentType, stream, cancellationToken);
        }

        var now = time.GetUtcNow();
        var typed = await texts.SaveAsync(slot.View.Id, $"report-{number}", TextOrNull(command.Text), now, cancellationToken);
        await durable.RaiseEventAsync(Events.ReportInstance(slot.View.Id, number), Events.ReportSubmitted, new ReportSubmitted(number, blob, typed, now), cancellationToken);
        return Outcome.Accepted(new UploadReceived(slot, blob, now));
    }

    async Task<UploadOpened> OpenAsync(UploadKind kind, string token, ReaderLanguage language, bool questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(language);
        var check = signer.Check(token, kind == UploadKind.Revision ? LinkPurpose.Revision : LinkPurpose.Report);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;

        // A contact's link from before a hand-over, and the submitter's view-only link, upload nothing.
        if (view is null || !ApplicantLinks.IsCurrent(check.Claims!, view) || ApplicantLinks.RoleOf(check.Claims!) is null)
        {
            return new(refusals.Link(check.Result == LinkCheckResult.Expired ? LinkCheckResult.Expired : LinkCheckResult.Invalid, language.Language), language.Language);
        }

        var lang = language.For(view);
        var number = check.Claims!.Round;
        var open = kind == UploadKind.Revision
            ? view.Stage == Stage.ChangesRequested && view.Round == number
            : view.Stage == Stage.Monitoring && await reports.GetAsync(view.Id, number, cancellationToken) is { Status: ReportStatus.Due or ReportStatus.ChangesRequested };
        if (!open)
        {
            return new(refusals.NotExpected(kind, view.Title, number, lang), lang);
        }

        // A revision answers the reviewers: their questions stand above the form, as in the email.
        IReadOnlyList<string> asked = kind == UploadKind.Revision && questions
            ? [.. (await reviews.ListAsync(view.Id, cancellationToken)).Where(r => r.Round == number && !string.IsNullOrWhiteSpace(r.Comment)).Select(r => r.Comment!)]
            : [];
        return new(Outcome.Accepted(new UploadSlot(view, kind, number, asked, lang)), lang);
    }

    /// <summary>The link still asks for this upload, and what was sent is a text, a file of an accepted kind, or both.</summary>
    async Task<(UploadSlot? Slot, PlanUpload? File, Refusal? Refusal)> CheckAsync(UploadKind kind, string token, string text, IFormFile? file, ReaderLanguage language, CancellationToken cancellationToken)
    {
        var opened = (await OpenAsync(kind, token, language, questions: false, cancellationToken)).Outcome;
        if (opened.Refusal is { } closed)
        {
            return (null, null, closed);
        }

        var slot = opened.Value!;
        var trimmed = text.Trim();
        PlanUpload? upload = null;
        if (file is { Length: > 0 })
        {
            using var sniff = file.OpenReadStream();
            if ((file.Length <= SubmissionLimits.MaxFileBytes ? FileTypes.Sniff(sniff) : null) is not { } contentType)
            {
                return (slot, null, refusals.FileType(slot.Language));
            }

            upload = new PlanUpload(file, contentType);
        }
        else if (trimmed.Length == 0)
        {
            return (slot, null, refusals.Empty(slot.Language));
        }

        if (trimmed.Length > SubmissionLimits.MaxPlanText || trimmed.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return (slot, null, refusals.TextInvalid(slot.Language));
        }

        return (slot, upload, null);
    }

    static string? TextOrNull(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
