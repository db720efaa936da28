using System.Text;
using Microsoft.Extensions.Options;

namespace Experimenten.Links;

/// <summary>
/// Refuses to start with a link-signing key that someone could guess: whoever knows the key can
/// forge every emailed link (reviewer decisions, uploads, status pages).
/// </summary>
/// <remarks>
/// The case that matters most in Azure: when a Key Vault reference cannot be resolved (secret not
/// set yet, no access), App Service passes the literal <c>@Microsoft.KeyVault(...)</c> text on as
/// the setting's value. That text is long enough for a length check, and anyone can rebuild it from
/// the vault name, so it is refused by name. The message never repeats the key.
/// </remarks>
public sealed class SigningKeyValidator : IValidateOptions<LinksOptions>
{
    /// <summary>HMAC-SHA256 wants at least its block of output: 32 bytes.</summary>
    public const int MinimumBytes = 32;

    /// <summary>What a key of 32 random bytes carries with a wide margin; "aaaa…" or "abab…" carry far less.</summary>
    public const double MinimumEntropyBits = 128;

    const string WhatToSet =
        " Set Links:SigningKey (app setting Links__SigningKey) to at least 32 random bytes as base64, "
        + "e.g. the output of `openssl rand -base64 48`; in Azure, as the Key Vault secret Links--SigningKey "
        + "that the app setting references (docs/deploy.md, step 3).";

    // Words of sample values, documentation and templates. Five letters or more, so a random
    // base64 key contains one by chance about once in a million.
    static readonly string[] Placeholders =
    [
        "changeme", "change-me", "change_me", "your-key", "your_key", "yourkey", "placeholder", "replace",
        "example", "secret", "password", "signing-key", "signingkey", "insert", "dummy", "sample", "xxxxxxxx",
    ];

    public ValidateOptionsResult Validate(string? name, LinksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = Problem(options.SigningKey);
        if (problem is not null)
        {
            return ValidateOptionsResult.Fail(problem + WhatToSet);
        }

        // A weak old key forges links as well as a weak new one does.
        for (var i = 0; i < options.PreviousSigningKeys.Count; i++)
        {
            if (Problem(options.PreviousSigningKeys[i]) is { } old)
            {
                return ValidateOptionsResult.Fail(old.Replace("Links:SigningKey", $"Links:PreviousSigningKeys:{i}", StringComparison.Ordinal) + WhatToSet);
            }
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Why the key is refused, or null when it is fit to sign links.</summary>
    public static string? Problem(string? key)
    {
        key = key?.Trim() ?? "";
        if (key.Length == 0)
        {
            return "Links:SigningKey is not set.";
        }

        if (key.Contains("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return "Links:SigningKey is an unresolved Key Vault reference: the platform could not read the secret "
                + "(it does not exist yet, or the app's identity may not read it), so the reference text itself "
                + "arrived, and anyone could rebuild it.";
        }

        if (Bytes(key) < MinimumBytes)
        {
            return $"Links:SigningKey is too short: fewer than {MinimumBytes} bytes.";
        }

        var lower = key.ToLowerInvariant();
        if (Placeholders.FirstOrDefault(p => lower.Contains(p, StringComparison.Ordinal)) is { } word)
        {
            return $"Links:SigningKey looks like a placeholder (it contains \"{word}\"), not a random key.";
        }

        if (EntropyBits(key) < MinimumEntropyBits)
        {
            return "Links:SigningKey has too little entropy (few different characters, repeated or in sequence) to be a random key.";
        }

        return null;
    }

    /// <summary>Bytes of key material: decoded when the text is base64, else the text's UTF-8 bytes (what a human typed).</summary>
    static int Bytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) ? written : Encoding.UTF8.GetByteCount(key);
    }

    /// <summary>
    /// An estimate from the key's own characters: Shannon entropy of their frequencies times the
    /// length, with characters that only continue a run or a sequence ("aaaa", "1234") not counted.
    /// </summary>
    static double EntropyBits(string key)
    {
        var counted = new List<char>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var step = i == 0 ? int.MaxValue : key[i] - key[i - 1];
            if (step is not (0 or 1 or -1))
            {
                counted.Add(key[i]);
            }
        }

        if (counted.Count == 0)
        {
            return 0;
        }

        var perCharacter = counted.GroupBy(c => c)
            .Select(g => (double)g.Count() / counted.Count)
            .Sum(p => -p * Math.Log2(p));
        return perCharacter * counted.Count;
    }
}
