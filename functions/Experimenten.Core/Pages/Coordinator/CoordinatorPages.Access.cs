using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

// Who may not come in: another site's form, no session, or a session that is not a coordinator's.
public sealed partial class CoordinatorPages
{
    /// <summary>
    /// Null for a signed-in coordinator. Otherwise a page that is read is answered with the sign-in page (and
    /// back here afterwards); a form sent from elsewhere, or without a session, changes nothing.
    /// </summary>
    internal async Task<IResult?> DeniedAsync(HttpRequest request, string lang)
    {
        using var _ = TextCulture.Use(lang);
        if (HttpMethods.IsPost(request.Method) && CrossSite.IsCrossSite(request))
        {
            return Message(lang, StatusCodes.Status403Forbidden, text["Denied.CrossSite.Title"], text["Denied.CrossSite.Heading"], text["Denied.CrossSite.Text"]);
        }

        var (_, problem) = await auth.AuthenticateAsync(request);
        if (problem is null)
        {
            // The pages' components read the calls and the panel as this host last read them (CallCatalog.Current).
            await catalog.GetAsync(request.HttpContext.RequestAborted);
            return null;
        }

        var status = (problem as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status401Unauthorized;
        if (status == StatusCodes.Status401Unauthorized && auth.UsesSignInPage && HttpMethods.IsGet(request.Method))
        {
            return new SeeOtherResult(SignInPage.Href(request.Path + request.QueryString, lang));
        }

        return status == StatusCodes.Status403Forbidden
            ? Message(lang, status, text["Denied.Title"], text["Denied.Forbidden.Heading"], text["Denied.Forbidden.Text"])
            : Message(lang, status, text["Denied.Title"], text["Denied.Heading"], text["Denied.Text"], SignInPage.Href("/coordinator", lang), text["Denied.SignIn"], "button");
    }

    internal IResult NotFound(string lang)
    {
        using var _ = TextCulture.Use(lang);
        return Message(lang, StatusCodes.Status404NotFound, text["NotFound.Title"], text["NotFound.Heading"], null, "/coordinator" + LangQuery.For(lang), text["Back"]);
    }

    internal IResult Message(string lang, int status, string title, string heading, string? message, string? href = null, string? link = null, string? linkClass = null) =>
        pages.Page<MessagePage>(lang, new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Heading)] = heading,
            [nameof(MessagePage.Message)] = message,
            [nameof(MessagePage.LinkHref)] = href,
            [nameof(MessagePage.LinkText)] = link,
            [nameof(MessagePage.LinkClass)] = linkClass,
        }, new PageResponse { Status = status, NoStore = true });
}
