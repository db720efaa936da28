using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Pages.Coordinator;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages;

/// <summary>
/// <c>GET|POST /coordinator/sign-in</c> and <c>POST /coordinator/sign-out</c>: the coordinator's session in
/// the self-host. The form carries a CSRF token; wrong passwords are slowed down (429 with Retry-After);
/// the page goes back only to a path of this site, never to an address given by someone else.
/// </summary>
public sealed class SignInPage(CoordinatorAuth auth, PageRenderer pages, IStringLocalizer<CoordinatorText> text)
{
    public static string Href(string returnPath, string lang) =>
        "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnPath) + (lang == Languages.Dutch ? QueryString.Empty : QueryString.Create("lang", lang));

    public async Task<IResult> GetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (!auth.UsesSignInPage)
        {
            // In Azure, Entra ID signs coordinators in before the app is reached.
            return new SeeOtherResult("/" + Routes.CoordinatorDashboard);
        }

        if (await auth.AuthenticateAsync(request) is ({ }, null))
        {
            return new SeeOtherResult(ReturnPath(request.Query["returnUrl"]));
        }

        var signedOut = request.Query["signedOut"] == "1";
        return Render(request, lang, signedOut ? ("SignIn.SignedOut.Title", "SignIn.SignedOut.Text") : null, false, null, StatusCodes.Status200OK);
    }

    public async Task<IResult> PostAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        if (!auth.UsesSignInPage)
        {
            return new SeeOtherResult("/" + Routes.CoordinatorDashboard);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        if (CrossSite.IsCrossSite(request) || !Csrf.IsValid(request, form))
        {
            return Render(request, lang, ("SignIn.Expired.Title", "SignIn.Expired.Text"), true, form["user"], StatusCodes.Status403Forbidden);
        }

        var user = form["user"].ToString().Trim();
        var outcome = auth.Check(user, form["password"].ToString(), request.HttpContext);
        if (outcome.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            var result = Render(request, lang, ("SignIn.TooMany.Title", "SignIn.TooMany.Text"), true, user, StatusCodes.Status429TooManyRequests, seconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return result;
        }

        if (outcome.User is not { } name)
        {
            return Render(request, lang, ("SignIn.Failed.Title", "SignIn.Failed.Text"), true, user, StatusCodes.Status401Unauthorized);
        }

        await CoordinatorAuth.SignInAsync(request.HttpContext, name);
        return new SeeOtherResult(ReturnPath(request.Query["returnUrl"]));
    }

    public async Task<IResult> SignOutAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;

        // Signing someone out from another site would be a nuisance, not a breach; refused all the same.
        if (CrossSite.IsCrossSite(request) || !Csrf.IsValid(request, form))
        {
            return Render(request, lang, ("SignIn.Expired.Title", "SignOut.Expired.Text"), true, null, StatusCodes.Status403Forbidden);
        }

        await auth.SignOutAsync(request.HttpContext);
        return new SeeOtherResult("/" + Routes.CoordinatorSignIn + "?signedOut=1" + (lang == Languages.Dutch ? "" : "&lang=" + lang));
    }

    /// <summary>The page with a notice (resource keys of its title and text), what was typed as the user, and its status.</summary>
    IResult Render(HttpRequest request, string lang, (string Title, string Text)? notice, bool error, string? user, int status, params object[] arguments)
    {
        var returnUrl = ReturnPath(request.Query["returnUrl"]);

        string? title = null, message = null;
        if (notice is { } n)
        {
            using var _ = TextCulture.Use(lang);
            (title, message) = (text[n.Title], text[n.Text, arguments]);
        }

        return pages.Page<SignInView>(lang, new Dictionary<string, object?>
        {
            [nameof(SignInView.Action)] = "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnUrl) + (lang == Languages.Dutch ? QueryString.Empty : QueryString.Create("lang", lang)),
            [nameof(SignInView.User)] = user,
            [nameof(SignInView.NoticeTitle)] = title,
            [nameof(SignInView.NoticeText)] = message,
            [nameof(SignInView.Error)] = error,
            [nameof(SignInView.LanguageHref)] = (Func<string, string>)(other => "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnUrl) + QueryString.Create("lang", other)),
        }, new PageResponse { Status = status, NoStore = true, CsrfToken = Csrf.TokenFor(request) });
    }

    /// <summary>Only a path on this site under /coordinator: never "//evil.example", never another host.</summary>
    static string ReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 1 and < 2000 } r && r.StartsWith("/coordinator", StringComparison.Ordinal) && !r.StartsWith("//", StringComparison.Ordinal)
            && !r.Contains('\\', StringComparison.Ordinal) && !r.Any(char.IsControl)
            && !r.StartsWith("/" + Routes.CoordinatorSignIn, StringComparison.Ordinal)
            ? r
            : "/" + Routes.CoordinatorDashboard;
}
