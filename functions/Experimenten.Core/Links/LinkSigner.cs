using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Experimenten.Telemetry;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Experimenten.Links;

/// <summary>Mints and checks signed, expiring, purpose-bound link tokens (HMAC-SHA256).</summary>
/// <remarks>
/// Format: <c>v1.{base64url(claims)}.{base64url(hmac)}</c>. Claims are readable but cannot be changed
/// without the key; the key comes from configuration (Key Vault in Azure).
/// </remarks>
public sealed class LinkSigner(IOptions<LinksOptions> options, TimeProvider time)
{
    const string Version = "v1";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

    /// <summary>The current key first, then the keys of a rotation still in flight (<see cref="LinksOptions.PreviousSigningKeys"/>).</summary>
    readonly byte[][] verifying = [Encoding.UTF8.GetBytes(options.Value.SigningKey), .. options.Value.PreviousSigningKeys.Select(k => Encoding.UTF8.GetBytes(k))];

    /// <summary>The signer's clock, so link lifetimes are counted from the moment of sending.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public string Sign(LinkToken token)
    {
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(token, Json));
        return $"{Version}.{payload}.{Mac(payload)}";
    }

    public string Sign(LinkPurpose purpose, string applicationId, string subject, int round, TimeSpan lifetime, int gen = 0) =>
        Sign(new LinkToken(purpose, applicationId, subject, round, time.GetUtcNow() + lifetime, gen));

    /// <summary>Returns the claims when the token is genuine, unexpired and minted for <paramref name="purpose"/>.</summary>
    public LinkCheck Check(string? token, LinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return LinkCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return LinkCheck.Invalid;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(parts[2]);
        }
        catch (FormatException)
        {
            return LinkCheck.Invalid;
        }

        if (!verifying.Any(k => CryptographicOperations.FixedTimeEquals(given, Mac(k, parts[1]))))
        {
            return LinkCheck.Invalid;
        }

        LinkToken? claims;
        try
        {
            claims = JsonSerializer.Deserialize<LinkToken>(WebEncoders.Base64UrlDecode(parts[1]), Json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return LinkCheck.Invalid;
        }

        if (claims is null || claims.Purpose != purpose)
        {
            return LinkCheck.Invalid;
        }

        // A genuine link: the request's span belongs to its application (the id, never the token).
        ExperimentenTelemetry.TagApplication(claims.ApplicationId);

        return claims.ExpiresAt <= time.GetUtcNow() ? LinkCheck.ExpiredFor(claims) : LinkCheck.Valid(claims);
    }

    string Mac(string payload) => WebEncoders.Base64UrlEncode(Mac(key, payload));

    static byte[] Mac(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Version}.{payload}"));
}

/// <summary>The outcome of checking a link: valid, expired (claims known, still refused) or invalid.</summary>
public sealed record LinkCheck(LinkCheckResult Result, LinkToken? Claims)
{
    public static readonly LinkCheck Invalid = new(LinkCheckResult.Invalid, null);

    public static LinkCheck Valid(LinkToken claims) => new(LinkCheckResult.Valid, claims);

    public static LinkCheck ExpiredFor(LinkToken claims) => new(LinkCheckResult.Expired, claims);

    public bool IsValidFor(string applicationId) =>
        Result == LinkCheckResult.Valid && Claims is not null && Claims.ApplicationId == applicationId;
}

public enum LinkCheckResult
{
    Valid,
    Expired,
    Invalid,
}
