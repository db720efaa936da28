using System.Text;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>
/// <c>GET|POST /coordinator/sign-in</c> and <c>POST /coordinator/sign-out</c>: the coordinator's session in
/// the self-host. The form carries a CSRF token; wrong passwords are slowed down (429 with Retry-After);
/// the page goes back only to a path of this site, never to an address given by someone else.
/// </summary>
public sealed class SignInPage(CoordinatorAuth auth)
{
    public static string Href(string returnPath, string lang) =>
        "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnPath) + (lang == Languages.English ? QueryString.Create("lang", "en") : QueryString.Empty);

    /// <summary>The button on top of every coordinator page.</summary>
    public static string SignOutForm(string lang, string csrf) =>
        $"<form class=\"sign-out\" method=\"post\" action=\"/{Routes.CoordinatorSignOut}{(lang == Languages.English ? "?lang=en" : "")}\">{Forms.CsrfField(csrf)}<button type=\"submit\" class=\"secondary\">{Html.T(lang, "Afmelden", "Sign out")}</button></form>";

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

        var notice = request.Query["signedOut"] == "1"
            ? Forms.Notice(Html.T(lang, "U bent afgemeld", "You have signed out"), Html.T(lang, "Tot de volgende keer.", "See you next time."), false)
            : "";
        return Render(request, lang, notice, null, StatusCodes.Status200OK);
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
            return Render(request, lang, Forms.Notice(Html.T(lang, "Het formulier is verlopen", "The form has expired"), Html.T(lang, "Probeer het nog een keer.", "Please try again."), true), form["user"], StatusCodes.Status403Forbidden);
        }

        var user = form["user"].ToString().Trim();
        var outcome = auth.Check(user, form["password"].ToString(), request.HttpContext);
        if (outcome.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            var result = Render(request, lang, Forms.Notice(
                Html.T(lang, "Te veel pogingen", "Too many attempts"),
                Html.T(lang, $"Er is te vaak een verkeerd wachtwoord gegeven. Wacht {seconds} seconden en probeer het dan opnieuw.", $"A wrong password was given too often. Wait {seconds} seconds, then try again."),
                true), user, StatusCodes.Status429TooManyRequests);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return result;
        }

        if (outcome.User is not { } name)
        {
            return Render(request, lang, Forms.Notice(
                Html.T(lang, "Aanmelden lukte niet", "Sign-in failed"),
                Html.T(lang, "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters.", "The user name or password is not right. Mind capital letters."),
                true), user, StatusCodes.Status401Unauthorized);
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
            return Render(request, lang, Forms.Notice(Html.T(lang, "Het formulier is verlopen", "The form has expired"), Html.T(lang, "U bent nog aangemeld. Probeer het nog een keer.", "You are still signed in. Please try again."), true), null, StatusCodes.Status403Forbidden);
        }

        await auth.SignOutAsync(request.HttpContext);
        return new SeeOtherResult("/" + Routes.CoordinatorSignIn + "?signedOut=1" + (lang == Languages.English ? "&lang=en" : ""));
    }

    static IResult Render(HttpRequest request, string lang, string notice, string? user, int status)
    {
        var csrf = Csrf.TokenFor(request);
        var returnUrl = ReturnPath(request.Query["returnUrl"]);
        var action = "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnUrl) + (lang == Languages.English ? QueryString.Create("lang", "en") : QueryString.Empty);
        var body = new StringBuilder()
            .Append("<h1>").Append(Html.T(lang, "Aanmelden voor coördinatoren", "Sign in for coordinators")).Append("</h1>")
            .Append(notice)
            .Append("<p>").Append(Html.T(lang, "Dit deel is voor de medewerkers van het fondsbureau.", "This part is for the fund office's staff.")).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(Html.E(action)).Append("\" aria-labelledby=\"sign-in-title\" novalidate>")
            .Append("<h2 id=\"sign-in-title\" class=\"visually-hidden\">").Append(Html.T(lang, "Aanmelden", "Sign in")).Append("</h2>")
            .Append(Forms.CsrfField(csrf))
            .Append("<div class=\"field\"><label for=\"user\">").Append(Html.T(lang, "Gebruikersnaam", "User name")).Append("</label>")
            .Append("<input type=\"text\" id=\"user\" name=\"user\" required aria-required=\"true\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"100\" value=\"").Append(Html.E(user)).Append("\"></div>")
            .Append("<div class=\"field\"><label for=\"password\">").Append(Html.T(lang, "Wachtwoord", "Password")).Append("</label>")
            .Append("<input type=\"password\" id=\"password\" name=\"password\" required aria-required=\"true\" autocomplete=\"current-password\" maxlength=\"200\"></div>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Aanmelden", "Sign in")).Append("</button></form>");
        var other = lang == Languages.English ? "nl" : "en";
        return Html.Page(new PageOptions(lang, Html.T(lang, "Aanmelden", "Sign in") + Html.T(lang, " · Coördinator", " · Coordinator"), body.ToString())
        {
            Status = status,
            NoStore = true,
            SwitchLanguageHref = "/" + Routes.CoordinatorSignIn + QueryString.Create("returnUrl", returnUrl) + QueryString.Create("lang", other),
            Prepare = context => Csrf.SetCookie(context, csrf),
        });
    }

    /// <summary>Only a path on this site under /coordinator: never "//evil.example", never another host.</summary>
    static string ReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 1 and < 2000 } r && r.StartsWith("/coordinator", StringComparison.Ordinal) && !r.StartsWith("//", StringComparison.Ordinal)
            && !r.Contains('\\', StringComparison.Ordinal) && !r.Any(char.IsControl)
            && !r.StartsWith("/" + Routes.CoordinatorSignIn, StringComparison.Ordinal)
            ? r
            : "/" + Routes.CoordinatorDashboard;
}
