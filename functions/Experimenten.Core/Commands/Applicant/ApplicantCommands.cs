using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;

namespace Experimenten.Commands.Applicant;

/// <summary>
/// What applicants do through their signed status link, for the JSON API and the status page alike: withdraw
/// at any open stage, or hand their own contact role over to a new person. The initiative belongs to the
/// residents: only the residents' contact withdraws, and neither contact can replace the other (that takes the
/// other side's own link, or a coordinator with a reason).
/// </summary>
public sealed class ApplicantCommands(
    ReadModel readModel,
    ReportStore reports,
    TextStore texts,
    LinkSigner signer,
    TimeProvider time,
    IStringLocalizer<ApplicantText> text,
    IStringLocalizer<SharedText> shared,
    IStringLocalizer<ProblemText> problems)
{
    public const int ReasonMax = 1000;

    /// <summary>Upload links minted for the status page live long enough to use; the upload page itself checks the stage again.</summary>
    public static readonly TimeSpan UploadLinkLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// The application a status link opens (of <paramref name="applicationId"/> when given), or null: forged,
    /// expired, of another application, or a contact's link from before that role was handed over.
    /// </summary>
    public async Task<StatusLink?> OpenAsync(string token, string? applicationId, CancellationToken cancellationToken)
    {
        var check = signer.Check(token, LinkPurpose.Status);
        if (check.Result != LinkCheckResult.Valid || (applicationId is not null && !check.IsValidFor(applicationId)))
        {
            return null;
        }

        var view = await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken);
        return view is not null && ApplicantLinks.IsCurrent(check.Claims, view) ? new StatusLink(view, check.Claims) : null;
    }

    /// <summary>What a contact is asked to upload now (a revised plan, or the first report due), with its link; null for nothing.</summary>
    public async Task<UploadLink?> UploadAsync(StatusLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (view, claims) = (link.View, link.Claims);
        if (link.Role is null || view.Stage.IsFinal())
        {
            return null;
        }

        if (view.Stage == Stage.ChangesRequested)
        {
            return new UploadLink(LinkPurpose.Revision, signer.Sign(LinkPurpose.Revision, view.Id, claims.Subject, view.Round, UploadLinkLifetime, claims.Gen), 0, false);
        }

        if (view.Stage == Stage.Monitoring && view.WaitingOn == WaitingOn.Applicant
            && (await reports.ListAsync(view.Id, cancellationToken)).Where(r => r.Status is ReportStatus.Due or ReportStatus.ChangesRequested).OrderBy(r => r.Number).FirstOrDefault() is { } due)
        {
            return new UploadLink(LinkPurpose.Report, signer.Sign(LinkPurpose.Report, view.Id, claims.Subject, due.Number, UploadLinkLifetime, claims.Gen), due.Number, due.Final);
        }

        return null;
    }

    /// <remarks>The durable client comes from the caller: the Functions worker binds it per call, the self-host from its services.</remarks>
    public async Task<Outcome<WithdrawalAccepted>> WithdrawAsync(WithdrawApplication command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        var (link, refusal, lang) = await AuthorizeAsync(command.Token, command.ApplicationId, command.Language, command.LanguageChosen, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        using var _ = TextCulture.Use(lang);
        if (link!.Role != ContactRole.Resident)
        {
            return new Refusal(RefusalKind.Refused, ApplicantCodes.ResidentsWithdraw, text["Withdraw.Refusal.ResidentsOnly.Title"], text["Withdraw.Refusal.ResidentsOnly.Detail"]);
        }

        var reason = command.Reason.Trim();
        if (reason.Length > ReasonMax)
        {
            return new Refusal(RefusalKind.Invalid, ApplicantCodes.InvalidFields, text["Status.Refusal.Invalid.Title"], text["Withdraw.Refusal.ReasonTooLong"])
            {
                Errors = new Dictionary<string, string[]> { ["reason"] = [text["Withdraw.Error.Reason"]] },
            };
        }

        var view = link.View;
        var now = time.GetUtcNow();
        var why = await texts.SaveAsync(view.Id, "withdrawn", reason, now, cancellationToken);
        await durable.RaiseEventAsync(view.Id, Events.Withdrawn, new Withdrawn(why, now), cancellationToken);
        return Outcome.Accepted(new WithdrawalAccepted(view.Id, view.Stage.ToString(), "withdraw"));
    }

    public async Task<Outcome<HandOverAccepted>> HandOverAsync(HandOverContact command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(durable);
        var (link, refusal, lang) = await AuthorizeAsync(command.Token, command.ApplicationId, command.Language, command.LanguageChosen, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        using var _ = TextCulture.Use(lang);
        var own = link!.Role!.Value;
        var (role, next, errors) = ContactChange.Read(command.Fields, text);
        if (role is not null && role != own)
        {
            // Checked before the other fields: the answer is the same whatever was typed.
            return new Refusal(RefusalKind.Refused, ApplicantCodes.NotYourRole, text["HandOver.Refusal.NotYourRole.Title"], text["HandOver.Refusal.NotYourRole.Detail"])
            {
                Errors = new Dictionary<string, string[]> { ["role"] = [text["HandOver.Error.NotYourRole"]] },
            };
        }

        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, ApplicantCodes.InvalidFields, text["Status.Refusal.Invalid.Title"], text["HandOver.Refusal.Invalid.Detail"]) { Errors = errors };
        }

        var view = link.View;
        var previous = view.ContactFor(own);
        if (!await readModel.ChangeContactAsync(view.Id, own, next!, link.Claims.Gen, cancellationToken))
        {
            return NotFound();
        }

        var at = time.GetUtcNow();
        var handover = await texts.SaveHandoverAsync(view.Id, previous, next!, at, cancellationToken);
        await durable.RaiseEventAsync(view.Id, Events.ContactsChanged, new ContactsChanged(own, handover, at), cancellationToken);
        return Outcome.Accepted(new HandOverAccepted(view.Id, own.ToString().ToLowerInvariant(), next!.Name, next.Email));
    }

    /// <summary>A genuine, current contact's link for an open application; the view-only submitter's link is refused with 403.</summary>
    async Task<(StatusLink? Link, Refusal? Refusal, string Language)> AuthorizeAsync(string token, string id, string language, bool chosen, CancellationToken cancellationToken)
    {
        var link = await OpenAsync(token, id, cancellationToken);
        if (link is null)
        {
            using var __ = TextCulture.Use(language);
            return (null, NotFound(), language);
        }

        var view = link.View;
        var lang = chosen || !Languages.IsSupported(view.Language) ? language : view.Language;
        using var _ = TextCulture.Use(lang);
        if (link.Role is null)
        {
            return (link, new Refusal(RefusalKind.Refused, ApplicantCodes.ViewOnlyLink, text["Status.Refusal.ViewOnly.Title"], text["Status.Refusal.ViewOnly.Detail"]), lang);
        }

        if (view.Stage.IsFinal())
        {
            return (link, new Refusal(RefusalKind.WrongStage, ApplicantCodes.Closed, text["Status.Refusal.Closed.Title"], text["Status.Refusal.Closed.Detail", shared.Stage(view.Stage)]), lang);
        }

        return (link, null, lang);
    }

    Refusal NotFound() => new(RefusalKind.NotFound, ApplicantCodes.NotFound, problems["NotFound.Title"], problems["NotFound.Detail"]);
}
