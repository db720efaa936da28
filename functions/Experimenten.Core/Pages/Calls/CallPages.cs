using Experimenten.Calls;
using Experimenten.Commands;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages.Calls;

/// <summary>
/// The coordinator's pages for calls (<c>/coordinator/calls</c>, a call's form and history) and the review panel
/// (CallPages.Panel.cs), and the public page of a call (<c>/oproep/{id}</c>). Every coordinator route goes through
/// <see cref="CoordinatorPages.DeniedAsync"/> (sign-in; a form from another site changes nothing) and every form
/// carries the CSRF token; a form that worked is answered with 303 back to its page.
/// </summary>
public sealed partial class CallPages(CoordinatorPages coordinator, CoordinatorAuth auth, CallCommands commands, CallStore store, PanelCommands panelCommands, PanelStore panelStore, Storage.ReviewStore reviews, CallCatalog catalog, PageRenderer pages, Formatting format, IStringLocalizer<CallText> text, IStringLocalizer<CoordinatorText> coordinatorText)
{
    const string NewId = "new";

    /// <summary><c>GET /coordinator/calls</c>: every call, when it opens and closes.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await coordinator.DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var calls = (await catalog.GetAsync(cancellationToken)).Calls.OrderByDescending(c => c.ClosesAt).ToList();
        return pages.Page<CallListPage>(lang, new Dictionary<string, object?>
        {
            [nameof(CallListPage.Calls)] = calls,
            [nameof(CallListPage.SignOut)] = auth.UsesSignInPage,
        }, new PageResponse { NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    /// <summary><c>GET /coordinator/calls/new</c>: the form for a new call, with the usual settings filled in.</summary>
    public async Task<IResult> NewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        return await coordinator.DeniedAsync(request, lang) ?? Form(request, lang, CallForm.New(), null, null, null, StatusCodes.Status200OK);
    }

    /// <summary><c>GET /coordinator/calls/{id}</c>: the call's form, its open and close buttons, and its history.</summary>
    public async Task<IResult> DetailAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await coordinator.DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        if (id == NewId)
        {
            return Form(request, lang, CallForm.New(), null, null, null, StatusCodes.Status200OK);
        }

        var call = CallInput.IsId(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (call is null)
        {
            return coordinator.NotFound(lang);
        }

        return Form(request, lang, CallForm.Of(call, format.Zone), call, Done(request.Query["done"].ToString(), lang), null, StatusCodes.Status200OK, await commands.HistoryAsync(id, cancellationToken));
    }

    /// <summary><c>POST /coordinator/calls/{id}/{save|open|close}</c>; <c>new</c> as the id creates a call.</summary>
    public async Task<IResult> ActAsync(HttpRequest request, string id, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await coordinator.DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var isNew = id == NewId;
        var existing = isNew || !CallInput.IsId(id) ? null : await store.GetAsync(id, cancellationToken);
        if ((!isNew && existing is null) || (isNew && action != "save") || action is not ("save" or "open" or "close"))
        {
            return coordinator.NotFound(lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var existingId = isNew ? null : id;
        if (!Csrf.IsValid(request, form))
        {
            var shown = action == "save" ? CallForm.From(existingId, form, new Dictionary<string, string[]>()) : CallForm.Of(existing!, format.Zone);
            return await FormAsync(request, lang, shown, existing, Expired(lang), null, StatusCodes.Status403Forbidden, cancellationToken);
        }

        var by = (await coordinator.ActorAsync(request)).Name;
        if (action != "save")
        {
            var changed = await commands.ChangeWindowAsync(new ChangeCallWindow(id, action == "open", by, lang), cancellationToken);
            if (changed.Refusal is { } refused)
            {
                return refused.Kind == RefusalKind.NotFound
                    ? coordinator.NotFound(lang)
                    : await FormAsync(request, lang, CallForm.Of(existing!, format.Zone), existing, new PageNotice(refused.Title, refused.Detail, true), null, OutcomeResults.StatusOf(refused), cancellationToken);
            }

            return Back(id, action == "open" ? "opened" : "closed", lang);
        }

        var fields = CallForm.Fields(form);
        if (form["intent"] == "preview")
        {
            var preview = await commands.PreviewAsync(fields, existingId, lang, cancellationToken);
            var errors = preview.Call is null ? preview.Errors : new Dictionary<string, string[]>();
            var notice = preview.Call is null ? Check(lang) : null;
            return await FormAsync(request, lang, CallForm.From(existingId, form, errors), existing, notice, preview.Call is null ? null : preview.Schedule,
                preview.Call is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK, cancellationToken);
        }

        var expected = int.TryParse(form[CallForm.VersionField], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        var saved = await commands.SaveAsync(new SaveCall(existingId, fields, expected, by, lang), cancellationToken);
        if (saved.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return coordinator.NotFound(lang);
            }

            return await FormAsync(request, lang, CallForm.From(existingId, form, refusal.Errors), existing, new PageNotice(refusal.Title, refusal.Detail, true), null, OutcomeResults.StatusOf(refusal), cancellationToken);
        }

        return Back(saved.Value!.Id, isNew ? "created" : "saved", lang);
    }

    /// <summary><c>GET /oproep/{id}</c>, for everyone: what the call is about, whether it is open, and the way to the form.</summary>
    public async Task<IResult> PublicAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        var call = CallInput.IsId(id) ? (await catalog.GetAsync(cancellationToken)).Find(id) : null;
        if (call is null)
        {
            return pages.Page<CallNotFoundPage>(lang, null, new PageResponse { Status = StatusCodes.Status404NotFound });
        }

        return pages.Page<PublicCallPage>(lang, new Dictionary<string, object?> { [nameof(PublicCallPage.Call)] = call });
    }

    async Task<IResult> FormAsync(HttpRequest request, string lang, CallForm form, Call? existing, PageNotice? notice, IReadOnlyList<ScheduleLine>? schedule, int status, CancellationToken cancellationToken) =>
        Form(request, lang, form, existing, notice, schedule, status, existing is null ? null : await commands.HistoryAsync(existing.Id, cancellationToken));

    IResult Form(HttpRequest request, string lang, CallForm form, Call? existing, PageNotice? notice, IReadOnlyList<ScheduleLine>? schedule, int status, IReadOnlyList<CallHistoryEntry>? history = null) =>
        pages.Page<CallFormPage>(lang, new Dictionary<string, object?>
        {
            [nameof(CallFormPage.Form)] = form,
            [nameof(CallFormPage.Existing)] = existing,
            [nameof(CallFormPage.Notice)] = notice,
            [nameof(CallFormPage.Schedule)] = schedule,
            [nameof(CallFormPage.History)] = history ?? [],
            [nameof(CallFormPage.SignOut)] = auth.UsesSignInPage,
        }, new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });

    static SeeOtherResult Back(string id, string done, string lang) =>
        new("/coordinator/calls/" + Uri.EscapeDataString(id) + QueryString.Create("done", done) + (LangQuery.For(lang) is { Length: > 0 } q ? "&" + q[1..] : ""));

    /// <summary>What the call's page says after a redirect: only known codes, never text from the URL.</summary>
    PageNotice? Done(string done, string lang)
    {
        if (done is not ("created" or "saved" or "opened" or "closed"))
        {
            return null;
        }

        using var _ = TextCulture.Use(lang);
        return new PageNotice(text["Page.Done.Title"], text["Page.Done." + done], false);
    }

    PageNotice Expired(string lang)
    {
        using var _ = TextCulture.Use(lang);
        return new PageNotice(coordinatorText["Form.Expired.Title"], coordinatorText["Form.Expired.Text"], true);
    }

    PageNotice Check(string lang)
    {
        using var _ = TextCulture.Use(lang);
        return new PageNotice(text["Problem.Invalid.Title"], text["Problem.Invalid.Detail"], true);
    }
}
