using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Applicant;

/// <summary><c>GET /</c>, and the pages the form's plain post answers with: the form again, or the accepted page.</summary>
public sealed class FormHandler(CallCatalog catalog, TimeProvider time, PageRenderer pages)
{
    /// <summary>The form in another language: Dutch is the bare root.</summary>
    public static string LanguageHref(string language) => language == Languages.Dutch ? "/" : "/?lang=" + language;

    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // /?call={id} (the link on a call's own page) has that call chosen; the form still offers only open calls.
        var state = request.Query["call"].ToString() is { Length: > 0 and <= 60 } call
            ? FormState.Empty with { Values = new Dictionary<string, string> { ["callId"] = call } }
            : FormState.Empty;
        return FormAsync(request, Problems.LanguageOf(request), state, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>The form with what the visitor typed and, after a refusal, each field's error.</summary>
    public async Task<IResult> FormAsync(HttpRequest request, string language, FormState state, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var open = (await catalog.GetAsync(cancellationToken)).Calls.Where(c => c.IsOpenAt(now)).OrderBy(c => c.ClosesAt).ToList();
        return pages.Page<ApplicationFormPage>(
            language,
            new Dictionary<string, object?> { [nameof(ApplicationFormPage.Calls)] = open, [nameof(ApplicationFormPage.State)] = state },
            new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    /// <summary>The page holds the status token in a link: no caching, no referrer.</summary>
    public IResult Accepted(string language, SubmittedApplication submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        return pages.Page<AcceptedPage>(
            language,
            new Dictionary<string, object?> { [nameof(AcceptedPage.Id)] = submitted.Id, [nameof(AcceptedPage.StatusHref)] = "/status/" + Uri.EscapeDataString(submitted.StatusToken) },
            new PageResponse { CarriesToken = true });
    }
}
