using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Experimenten.Pages;

/// <summary>
/// The no-JavaScript path of <c>POST /api/applications</c>: the form sends <c>_format=html</c>, and the
/// outcome (accepted or refused) is shown as a page instead of JSON. API clients never send the field and keep JSON.
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
}
