using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Experimenten.Coordinator;

/// <summary>
/// Coordinators authenticate. Self-host: HTTP Basic against configured credentials (constant-time
/// compare). Azure: App Service authentication signs users in with Entra ID and passes the principal
/// in <c>X-MS-CLIENT-PRINCIPAL</c> (the platform strips that header from incoming requests); the
/// principal needs the coordinator app role.
/// </summary>
public sealed class CoordinatorAuth(IOptions<CoordinatorOptions> options)
{
    /// <summary>The coordinator's name, or a 401/403 problem.</summary>
    public (string? Name, IResult? Problem) Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var name = o.Mode == CoordinatorAuthMode.AppService ? FromAppService(request, o.Role, out var signedIn) : FromBasic(request, o, out signedIn);
        if (name is not null)
        {
            return (name, null);
        }

        var lang = Problems.LanguageOf(request);
        if (signedIn)
        {
            return (null, Problems.Create(403, "forbidden", Problems.Pick(lang, "Geen toegang", "No access"),
                Problems.Pick(lang, "U bent aangemeld, maar niet als coördinator.", "You are signed in, but not as a coordinator.")));
        }

        if (o.Mode == CoordinatorAuthMode.Basic)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Experimenten coordinators\", charset=\"UTF-8\"";
        }

        return (null, Problems.Create(401, "unauthenticated", Problems.Pick(lang, "Aanmelden nodig", "Sign-in needed"),
            Problems.Pick(lang, "Dit deel is alleen voor coördinatoren van het fonds. Meld u aan.", "This part is for the fund's coordinators only. Please sign in.")));
    }

    static string? FromBasic(HttpRequest request, CoordinatorOptions o, out bool signedIn)
    {
        signedIn = false;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var user = decoded[..colon];
        var password = Encoding.UTF8.GetBytes(decoded[(colon + 1)..]);
        var match = o.Credentials.FirstOrDefault(c => c.User == user && c.Password.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c.Password), password));
        return match?.User;
    }

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
