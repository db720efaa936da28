using Experimenten.Pages.Applicant;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Experimenten.Pages;

/// <summary>
/// The no-JavaScript path of <c>POST /api/applications</c>: the form sends <c>_format=html</c>, and the API's
/// answer (202 or a problem) is shown as a page instead of JSON. API clients never send the field and keep JSON.
/// </summary>
public static class SubmissionPage
{
    public const string FormatField = "_format";

    /// <summary>True when the browser's plain form post asks for a page.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = request.HttpContext.Features.Get<IFormFeature>()?.Form;
        return form is not null && form[FormatField] == "html";
    }

    /// <summary>
    /// The API itself is public, anonymous and cookie-less, so a forged post gains nothing; the HTML form still
    /// gets a double-submit token (see <see cref="Csrf"/>) so no other site can post it in a visitor's name.
    /// </summary>
    public static bool PassesCsrf(HttpRequest request, IFormCollection form) =>
        form[FormatField] != "html" || Csrf.IsValid(request, form);

    /// <summary>Turns the API's answer into the success page, or into the form again with every value and each error.</summary>
    public static IResult Render(FormHandler formPage, HttpRequest request, IResult result)
    {
        ArgumentNullException.ThrowIfNull(formPage);
        ArgumentNullException.ThrowIfNull(request);
        var form = request.HttpContext.Features.Get<IFormFeature>()?.Form;
        var lang = Http.Problems.LanguageOf(request, form?["language"]);
        switch (result)
        {
            case JsonHttpResult<SubmissionAccepted> { Value: { } accepted }:
                return formPage.Accepted(lang, accepted.Id, StatusHref(accepted.StatusUrl));
            case ProblemHttpResult problem:
                var errors = problem.ProblemDetails.Extensions.TryGetValue("errors", out var e) ? e as IDictionary<string, string[]> : null;
                var state = FormState.From(form, errors, problem.ProblemDetails.Title, problem.ProblemDetails.Detail);
                return formPage.Render(request, lang, state, problem.StatusCode);
            default:
                return result;
        }
    }

    /// <summary>The status page for the token of the API's status URL (both are the same status-purpose token).</summary>
    static string StatusHref(string statusUrl)
    {
        var query = new Uri(statusUrl, UriKind.Absolute).Query;
        var token = QueryHelpers.ParseQuery(query).TryGetValue("token", out var t) ? t.ToString() : "";
        return "/status/" + Uri.EscapeDataString(token);
    }
}
