using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>
/// Double-submit token for the HTML form: a random value in a SameSite=Strict cookie and the same value
/// in a hidden field. Another site can make a browser post the form, but it can neither read nor send the cookie.
/// </summary>
public static class Csrf
{
    public const string CookieName = "experimenten-csrf";
    public const string FieldName = "_csrf";

    /// <summary>The visitor's token: the one in their cookie if it looks like ours, else a new one.</summary>
    public static string TokenFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = request.Cookies[CookieName];
        return IsWellFormed(existing) ? existing! : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Sets (or refreshes) the cookie that goes with <paramref name="token"/>.</summary>
    public static void SetCookie(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    public static bool IsValid(HttpRequest request, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        var cookie = request.Cookies[CookieName];
        var field = form[FieldName].ToString();
        return IsWellFormed(cookie) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie!), Encoding.ASCII.GetBytes(field));
    }

    static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
