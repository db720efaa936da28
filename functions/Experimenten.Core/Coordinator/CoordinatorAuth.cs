using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Experimenten.Http;
using Experimenten.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Coordinator;

/// <summary>
/// Coordinators authenticate. Password mode (self-host): the sign-in page sets a session cookie
/// (HttpOnly, SameSite=Strict, Secure over HTTPS); scripts may send the same credentials as HTTP Basic,
/// but the app never asks a browser for them (no <c>WWW-Authenticate: Basic</c>), so a browser never keeps
/// them to send on another site's behalf. Wrong passwords are slowed down (<see cref="SignInThrottle"/>).
/// AppService mode (Azure): App Service authentication signs users in with Entra ID and passes the principal in
/// <c>X-MS-CLIENT-PRINCIPAL</c>; the host refuses to start in that mode unless the platform is in front
/// (<see cref="CoordinatorOptionsValidator"/>). The principal needs the coordinator app role.
/// </summary>
public sealed class CoordinatorAuth(IOptions<CoordinatorOptions> options, SignInThrottle throttle, RateLimits limits, IStringLocalizer<CoordinatorText> text, ILogger<CoordinatorAuth> log)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "experimenten-coordinator";

    public bool UsesSignInPage => options.Value.Mode == CoordinatorAuthMode.Password;

    /// <summary>The coordinator's name, or a 401/403/429 problem.</summary>
    public async Task<(string? Name, IResult? Problem)> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var lang = Problems.LanguageOf(request);
        string? name;
        var signedIn = false;
        if (o.Mode == CoordinatorAuthMode.AppService)
        {
            name = FromAppService(request, o.Role, out signedIn);
        }
        else
        {
            var session = await request.HttpContext.AuthenticateAsync(Scheme);
            name = session.Succeeded ? session.Principal?.Identity?.Name : null;
            if (name is null && request.Headers.Authorization.ToString() is { Length: > 0 } header)
            {
                var (user, outcome) = FromBasic(request, header, o);
                if (outcome is { } refused)
                {
                    return (null, refused);
                }

                name = user;
            }
        }

        if (name is not null)
        {
            return (name, null);
        }

        using var _ = TextCulture.Use(lang);
        return signedIn
            ? (null, Problems.Create(403, "forbidden", text["Auth.Forbidden.Title"], text["Auth.Forbidden.Detail"]))
            : (null, Problems.Create(401, "unauthenticated", text["Auth.Unauthenticated.Title"], text["Auth.Unauthenticated.Detail"]));
    }

    /// <summary>Checks a user name and password with the throttle; the outcome says whether to sign in, refuse, or wait.</summary>
    public SignInOutcome Check(string user, string password, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = limits.ClientOf(context);
        var wait = throttle.WaitFor(user, client);
        if (wait > TimeSpan.Zero)
        {
            Logs.CoordinatorSignInThrottled(log, Printable(user), client);
            return SignInOutcome.Wait(wait);
        }

        var credential = options.Value.Credentials.FirstOrDefault(c => string.Equals(c.User, user, StringComparison.Ordinal));
        if (!PasswordHashing.Verify(credential?.PasswordHash, password))
        {
            throttle.Failed(user, client);
            Logs.CoordinatorSignInFailed(log, Printable(user), client);
            return SignInOutcome.Wrong;
        }

        throttle.Succeeded(user);
        Logs.CoordinatorSignedIn(log, credential!.User, client);
        return SignInOutcome.Right(credential.User);
    }

    /// <summary>Starts the session: the cookie holds only the name, protected by ASP.NET Core data protection.</summary>
    public static Task SignInAsync(HttpContext context, string user)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, "coordinator")], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await context.AuthenticateAsync(Scheme);
        await context.SignOutAsync(Scheme);
        if (session.Principal?.Identity?.Name is { } name)
        {
            Logs.CoordinatorSignedOut(log, name, limits.ClientOf(context));
        }
    }

    (string? User, IResult? Refused) FromBasic(HttpRequest request, string header, CoordinatorOptions o)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return (null, null);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || o.Mode != CoordinatorAuthMode.Password)
        {
            return (null, null);
        }

        var outcome = Check(decoded[..colon], decoded[(colon + 1)..], request.HttpContext);
        return outcome.RetryAfter is { } wait ? (null, TooManyAttempts(request, wait)) : (outcome.User, null);
    }

    public IResult TooManyAttempts(HttpRequest request, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var _ = TextCulture.Use(Problems.LanguageOf(request));
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(429, "too-many-sign-in-attempts", text["Auth.TooMany.Title"], text["Auth.TooMany.Detail", seconds],
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds });
    }

    /// <summary>A user name as typed, made safe for one log line.</summary>
    static string Printable(string user) => new([.. user.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);

    static string? FromAppService(HttpRequest request, string role, out bool signedIn)
    {
        signedIn = false;
        var header = request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        try
        {
            using var principal = JsonDocument.Parse(Convert.FromBase64String(header));
            signedIn = true;
            var claims = principal.RootElement.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString())).ToList();
            var roleType = principal.RootElement.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            if (!claims.Any(c => (c.Type == roleType || c.Type == "roles") && c.Value == role))
            {
                return null;
            }

            return claims.FirstOrDefault(c => c.Type is "name" or "preferred_username").Value ?? "coordinator";
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>What a sign-in attempt comes to: a user, a wrong password, or a wait.</summary>
public sealed record SignInOutcome(string? User, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome Wrong = new(null, null);

    public static SignInOutcome Right(string user) => new(user, null);

    public static SignInOutcome Wait(TimeSpan wait) => new(null, wait);
}
