using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages;

/// <summary>
/// The coordinator's pages: the dashboard (<c>GET /coordinator</c>), its rows alone for the 10-second refresh
/// (<c>GET /coordinator/rows</c>, same filters) and an application's page (<c>GET /coordinator/applications/{id}</c>).
/// The detail page's forms are handled in CoordinatorPages.Forms.cs. Every route needs a signed-in coordinator.
/// </summary>
public sealed partial class CoordinatorPages(CoordinatorAuth auth, Commands.Coordinator.CoordinatorActions actions, Commands.Coordinator.PrivacyActions privacy, PageRenderer pages, ReadModel readModel, ReviewStore reviews, ReportStore reports, Formatting format, TimeProvider time, IStringLocalizer<CoordinatorText> text, CallCatalog catalog)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (await DeniedAsync(request, lang) is { } denied)
        {
            return denied;
        }

        var filter = ListFilter.From(request.Query);
        var (items, next) = await PageAsync(filter, cancellationToken);
        var csrf = Csrf.TokenFor(request);
        return pages.Page<ListView>(lang, new Dictionary<string, object?>
        {
            [nameof(ListView.Notice)] = ListNotice(request.Query["done"].ToString(), lang),
            [nameof(ListView.DataRequests)] = await OpenRequestsAsync(cancellationToken),
            [nameof(ListView.Erasures)] = await privacy.AuditAsync(null, Erasures, 10, cancellationToken),
            [nameof(ListView.Filter)] = filter,
            [nameof(ListView.Items)] = items,
            [nameof(ListView.RowsHref)] = "/" + Routes.CoordinatorRows + filter.Query(lang),
            [nameof(ListView.FirstHref)] = filter.Continuation is null ? null : "/coordinator" + ListFilter.Replace(request.Query, ("continuationToken", null)),
            [nameof(ListView.NextHref)] = next is null ? null : "/coordinator" + ListFilter.Replace(request.Query, ("continuationToken", next)),
            [nameof(ListView.SignOut)] = auth.UsesSignInPage,
            [nameof(ListView.LanguageHref)] = (Func<string, string>)(other => ListFilter.Replace(request.Query, ("lang", other))),
        }, new PageResponse { NoStore = true, CsrfToken = csrf });
    }

    /// <summary>The list's rows as HTML, rendered by the same component as the page: what coordinator.js swaps in.</summary>
    public async Task<IResult> RowsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A script asks: no sign-in page to go to, only the refusal (the page it came from keeps its rows).
        if (await auth.AuthenticateAsync(request) is (null, { } denied))
        {
            return denied;
        }

        var (items, _) = await PageAsync(ListFilter.From(request.Query), cancellationToken);
        var html = await pages.RenderAsync<ApplicationRows>(Problems.LanguageOf(request), new Dictionary<string, object?> { [nameof(ApplicationRows.Items)] = items });
        return new RowsResult(html);
    }

    public async Task<IResult> DetailAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        return await DeniedAsync(request, lang) ?? await RenderDetailAsync(request, id, lang, Done(request.Query["done"].ToString(), lang), cancellationToken);
    }

    Task<(IReadOnlyList<ApplicationView> Items, string? Next)> PageAsync(ListFilter filter, CancellationToken cancellationToken) =>
        readModel.PageAsync(filter.CallId, filter.Stage, filter.Overdue, time.GetUtcNow(), filter.PageSize, filter.Continuation, cancellationToken);

    async Task<IResult> RenderDetailAsync(HttpRequest request, string id, string lang, DetailState? state, CancellationToken cancellationToken)
    {
        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound(lang);
        }

        return pages.Page<DetailView>(lang, new Dictionary<string, object?>
        {
            [nameof(DetailView.View)] = view,
            [nameof(DetailView.Reviews)] = await reviews.ListAsync(id, cancellationToken),
            [nameof(DetailView.Reports)] = await reports.ListAsync(id, cancellationToken),
            [nameof(DetailView.Entries)] = await readModel.GetTimelineAsync(id, cancellationToken),
            [nameof(DetailView.State)] = state,
            [nameof(DetailView.Audit)] = await privacy.AuditAsync(id, null, 50, cancellationToken),
            [nameof(DetailView.DataRequests)] = await privacy.RequestsOfAsync(id, cancellationToken),
            [nameof(DetailView.SignOut)] = auth.UsesSignInPage,
            [nameof(DetailView.LanguageHref)] = (Func<string, string>)(other => "/coordinator/applications/" + Uri.EscapeDataString(id) + "?lang=" + other),
        }, new PageResponse { Status = state?.Status ?? StatusCodes.Status200OK, NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    DetailState? Done(string done, string lang)
    {
        if (done is not ("deadline" or "remind" or "reassign" or "cancel" or "contact" or "accept" or "changes"))
        {
            return null;
        }

        using var _ = TextCulture.Use(lang);
        return new DetailState(text["Done.Title"], text["Done." + done], false, null, new Dictionary<string, string[]>(), null, StatusCodes.Status200OK);
    }

    /// <summary>An HTML fragment, never cached, never sniffed as something else.</summary>
    sealed class RowsResult(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers.ContentSecurityPolicy = PageRenderer.ContentSecurityPolicy;
            response.ContentType = "text/html; charset=utf-8";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
