using System.Security.Cryptography;
using System.Text;
using Experimenten.Domain;
using Experimenten.Text;

namespace Experimenten.Privacy;

/// <summary>
/// The version of the consent text on the form, stored on every application at submission, so the fund can show
/// what an applicant agreed to. Change <see cref="Version"/> whenever the text changes, and <see cref="TextHash"/>
/// with it: a test compares the hash with the text in the resources and fails when only the text moved.
/// </summary>
public static class Consent
{
    /// <summary>The day the text took effect (yyyy-MM-dd): a new text gets the day it goes live.</summary>
    public const string Version = "2026-12-03";

    /// <summary><see cref="CurrentHash"/> of the text that <see cref="Version"/> names.</summary>
    public const string TextHash = "20b973a27a0a93b0";

    /// <summary>The resource keys (ApplicantText) that make up the consent text, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["Form.Consent.Text", "Form.Consent.Label"];

    /// <summary>SHA-256 (first 16 hex digits) over the consent text in Dutch and in English, as the resources hold it now.</summary>
    public static string CurrentHash()
    {
        var text = Catalogue.For<ApplicantText>();
        var all = new StringBuilder();
        foreach (var language in new[] { Languages.Dutch, Languages.English })
        {
            using var _ = TextCulture.Use(language);
            foreach (var key in Keys)
            {
                all.Append(language).Append('|').Append(key).Append('|').Append(text[key].Value).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())))[..16].ToLowerInvariant();
    }
}
