using System.ComponentModel.DataAnnotations;

namespace Experimenten.Links;

public sealed class LinksOptions
{
    public const string Section = "Links";

    /// <summary>HMAC key for every link in every email. Key Vault in Azure; a development key locally.</summary>
    /// <remarks>Checked by <see cref="SigningKeyValidator"/>, which says what to set instead.</remarks>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Keys that signed links before the current one: links made with them keep working until they expire,
    /// new links are signed with <see cref="SigningKey"/> only. Rotation: put the old key here, a new one in
    /// SigningKey; remove the old one once its links have expired (docs/security.md).
    /// </summary>
    public List<string> PreviousSigningKeys { get; } = [];

    /// <summary>The public address links point to, without a trailing slash.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How long a status link keeps working: the life of an experiment and then some.</summary>
    public TimeSpan StatusLinkLifetime { get; set; } = TimeSpan.FromDays(730);
}
