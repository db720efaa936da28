using Experimenten.Calls;
using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Experimenten.Pages.Calls;

// The review panel: the list with the form to add a reviewer (/coordinator/reviewers), one reviewer's form with
// pause, resume and remove (/coordinator/reviewers/{id}); posts go to /coordinator/reviewers/{id|new}/{action}.
public sealed partial class CallPages
{
    static readonly string[] ReviewerFields = [PanelCommands.Name, PanelCommands.Email, PanelCommands.Organisations, PanelCommands.Language];

    /// <summary><c>GET /coordinator/reviewers</c>: the panel, and the form to add someone.</summary>
    public async Task<IResult> ReviewersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        return await coordinator.DeniedAsync(request, lang) ?? Reviewers(request, lang, ReviewerForm.Empty, null, StatusCodes.Status200OK);
    }

    /// <summary><c>GET /coordinator/reviewers/{id}</c>: one reviewer's details, and pause, resume or remove.</summary>
    public async Task<IResult> ReviewerAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await coordinator.DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        if (id == NewId)
        {
            return Reviewers(request, lang, ReviewerForm.Empty, null, StatusCodes.Status200OK);
        }

        var reviewer = await FindReviewerAsync(id, cancellationToken);
        return reviewer is null
            ? coordinator.NotFound(lang)
            : await ReviewerPageAsync(request, lang, reviewer, ReviewerForm.Of(reviewer), ReviewerDone(request.Query["done"].ToString(), lang), StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary><c>POST /coordinator/reviewers/{id}/{save|pause|resume|remove}</c>; <c>new</c> as the id adds a reviewer.</summary>
    public async Task<IResult> ReviewerActAsync(HttpRequest request, string id, string action, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await coordinator.DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var isNew = id == NewId;
        var reviewer = isNew ? null : await FindReviewerAsync(id, cancellationToken);
        if ((!isNew && reviewer is not { Status: not ReviewerStatus.Removed }) || (isNew && action != "save") || action is not ("save" or "pause" or "resume" or "remove"))
        {
            return coordinator.NotFound(lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var typed = action == "save" ? ReviewerForm.From(form, new Dictionary<string, string[]>()) : ReviewerForm.Of(reviewer!);
        if (!Csrf.IsValid(request, form))
        {
            return isNew
                ? Reviewers(request, lang, typed, Expired(lang), StatusCodes.Status403Forbidden)
                : await ReviewerPageAsync(request, lang, reviewer!, typed, Expired(lang), StatusCodes.Status403Forbidden, cancellationToken);
        }

        var by = (await coordinator.ActorAsync(request)).Name;
        if (action == "save")
        {
            var fields = ReviewerFields.Where(form.ContainsKey).ToDictionary(f => f, f => form[f], StringComparer.Ordinal);
            var saved = await panelCommands.SaveAsync(new SaveReviewer(isNew ? null : id, fields, by, lang), cancellationToken);
            if (saved.Refusal is { } refusal)
            {
                var again = ReviewerForm.From(form, refusal.Errors);
                var notice = new PageNotice(refusal.Title, refusal.Detail, true);
                return refusal.Kind == RefusalKind.NotFound ? coordinator.NotFound(lang)
                    : isNew ? Reviewers(request, lang, again, notice, OutcomeResults.StatusOf(refusal))
                    : await ReviewerPageAsync(request, lang, reviewer!, again, notice, OutcomeResults.StatusOf(refusal), cancellationToken);
            }

            return ReviewerBack(saved.Value!.Id, isNew ? "added" : "saved", lang);
        }

        if (action == "remove" && form["confirm"] != "yes")
        {
            using var _ = TextCulture.Use(lang);
            var errors = new Dictionary<string, string[]> { ["confirm"] = [text["Page.Reviewer.Remove.ConfirmMissing"]] };
            return await ReviewerPageAsync(request, lang, reviewer!, ReviewerForm.Of(reviewer!) with { Errors = errors }, Check(lang), StatusCodes.Status400BadRequest, cancellationToken);
        }

        var status = action switch { "pause" => ReviewerStatus.Paused, "resume" => ReviewerStatus.Active, _ => ReviewerStatus.Removed };
        var changed = await panelCommands.ChangeStatusAsync(new ChangeReviewerStatus(id, status, by, lang), durable, cancellationToken);
        if (changed.Refusal is { } refused)
        {
            return refused.Kind == RefusalKind.NotFound
                ? coordinator.NotFound(lang)
                : await ReviewerPageAsync(request, lang, reviewer!, ReviewerForm.Of(reviewer!), new PageNotice(refused.Title, refused.Detail, true), OutcomeResults.StatusOf(refused), cancellationToken);
        }

        if (status != ReviewerStatus.Removed)
        {
            return ReviewerBack(id, action == "pause" ? "paused" : "resumed", lang);
        }

        // The rounds their seat went to are only known now: the page says so at once (sent again, it finds them removed).
        return pages.Page<ReviewerRemovedPage>(lang, new Dictionary<string, object?>
        {
            [nameof(ReviewerRemovedPage.Changed)] = changed.Value,
            [nameof(ReviewerRemovedPage.SignOut)] = auth.UsesSignInPage,
        }, new PageResponse { NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    async Task<Domain.Reviewer?> FindReviewerAsync(string id, CancellationToken cancellationToken) =>
        PanelCommands.Slug(id) == id ? await panelStore.GetAsync(id, cancellationToken) : null;

    IResult Reviewers(HttpRequest request, string lang, ReviewerForm form, PageNotice? notice, int status) =>
        pages.Page<ReviewerListPage>(lang, new Dictionary<string, object?>
        {
            [nameof(ReviewerListPage.Reviewers)] = catalog.Panel.Reviewers,
            [nameof(ReviewerListPage.Form)] = form,
            [nameof(ReviewerListPage.Notice)] = notice,
            [nameof(ReviewerListPage.SignOut)] = auth.UsesSignInPage,
        }, new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });

    async Task<IResult> ReviewerPageAsync(HttpRequest request, string lang, Domain.Reviewer reviewer, ReviewerForm form, PageNotice? notice, int status, CancellationToken cancellationToken) =>
        pages.Page<ReviewerPage>(lang, new Dictionary<string, object?>
        {
            [nameof(ReviewerPage.Reviewer)] = reviewer,
            [nameof(ReviewerPage.Form)] = form,
            [nameof(ReviewerPage.Notice)] = notice,
            [nameof(ReviewerPage.OpenInvitations)] = reviewer.Status == ReviewerStatus.Removed ? 0 : (await reviews.OpenInvitationsAsync(reviewer.Id, cancellationToken)).Count,
            [nameof(ReviewerPage.SignOut)] = auth.UsesSignInPage,
        }, new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });

    static SeeOtherResult ReviewerBack(string id, string done, string lang) =>
        new("/coordinator/reviewers/" + Uri.EscapeDataString(id) + QueryString.Create("done", done) + (LangQuery.For(lang) is { Length: > 0 } q ? "&" + q[1..] : ""));

    PageNotice? ReviewerDone(string done, string lang)
    {
        if (done is not ("added" or "saved" or "paused" or "resumed"))
        {
            return null;
        }

        using var _ = TextCulture.Use(lang);
        return new PageNotice(text["Page.Done.Title"], text["Page.Reviewer.Done." + done], false);
    }
}

/// <summary>The reviewer form as shown: the stored details or what was typed, and each field's errors.</summary>
public sealed record ReviewerForm(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly ReviewerForm Empty = new(new Dictionary<string, string>(), new Dictionary<string, string[]>());

    public string? Value(string field) => Values.GetValueOrDefault(field);

    public string[]? ErrorsFor(string field) => Errors.GetValueOrDefault(field);

    public static ReviewerForm Of(Domain.Reviewer reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return new(new Dictionary<string, string>
        {
            [PanelCommands.Name] = reviewer.Name,
            [PanelCommands.Email] = reviewer.Email,
            [PanelCommands.Organisations] = string.Join('\n', reviewer.Organisations),
            [PanelCommands.Language] = reviewer.Language,
        }, new Dictionary<string, string[]>());
    }

    public static ReviewerForm From(IFormCollection form, IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Keys.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal), errors);
    }
}
