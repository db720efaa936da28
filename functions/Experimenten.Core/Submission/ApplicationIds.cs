using System.Security.Cryptography;
using System.Text;

namespace Experimenten.Submission;

/// <summary>
/// Application ids double as orchestration instance ids. With an Idempotency-Key the id is derived
/// from the key, so a retried or double-clicked submission lands on the same application; the
/// submission's fingerprint (<see cref="SubmissionFingerprint"/>) decides whether a repeated key is
/// the same submission or someone else's.
/// </summary>
public static class ApplicationIds
{
    const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string FromIdempotencyKey(string callId, string key) =>
        Format(SHA256.HashData(Encoding.UTF8.GetBytes($"{callId}\n{key}")));

    /// <summary>
    /// The demo applications' ids. Their own namespace: an HTTP header cannot hold a line break, so no
    /// Idempotency-Key a stranger sends can ever derive a seed's id.
    /// </summary>
    public static string ForSeed(string seedId) =>
        Format(SHA256.HashData(Encoding.UTF8.GetBytes($"seed\n{seedId}\n")));

    public static string NewRandom() => Format(RandomNumberGenerator.GetBytes(16));

    public static bool LooksValid(string? id) =>
        id is { Length: 16 } && id.StartsWith("exp-", StringComparison.Ordinal) && id[4..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    static string Format(byte[] bytes)
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return "exp-" + new string(chars);
    }
}
