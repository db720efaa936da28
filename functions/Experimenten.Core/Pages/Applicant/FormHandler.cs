using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Applicant;

/// <summary><c>GET /</c>, and the form again after a refused plain post: the open calls, what was typed, each error.</summary>
public sealed class FormHandler(CallCatalog catalog, TimeProvider time, PageRenderer pages)
{
    public IResult Get(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Render(request, Http.Problems.LanguageOf(request), FormState.Empty, StatusCodes.Status200OK);
    }

    public IResult Render(HttpRequest request, string lang, FormState state, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var open = catalog.Calls.Where(c => c.IsOpenAt(now)).OrderBy(c => c.ClosesAt).ToList();
        return pages.Page<ApplicationFormPage>(lang, new Dictionary<string, object?>
        {
            [nameof(ApplicationFormPage.Calls)] = open,
            [nameof(ApplicationFormPage.State)] = state,
        }, new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    /// <summary>The page after a plain post was accepted; its status link is a secret.</summary>
    public IResult Accepted(string lang, string id, string statusHref) =>
        pages.Page<AcceptedPage>(lang, new Dictionary<string, object?>
        {
            [nameof(AcceptedPage.Id)] = id,
            [nameof(AcceptedPage.StatusHref)] = statusHref,
        }, new PageResponse { CarriesToken = true });

    /// <summary>The form's address in another language: Dutch is the bare root.</summary>
    public static string LanguageHref(string language) => language == Languages.Dutch ? "/" : "/?lang=" + language;
}
