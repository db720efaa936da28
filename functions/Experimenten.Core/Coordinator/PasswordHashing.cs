using Microsoft.AspNetCore.Identity;

namespace Experimenten.Coordinator;

/// <summary>Coordinator passwords as ASP.NET Core Identity hashes (PBKDF2 with a salt per password); never stored as typed.</summary>
public static class PasswordHashing
{
    static readonly PasswordHasher<CoordinatorCredential> Hasher = new();

    /// <summary>Verified against when the user is unknown, so a wrong user name costs as long as a wrong password.</summary>
    static readonly string Decoy = Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string? hash, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var known = IsHash(hash);
        var result = Hasher.VerifyHashedPassword(null!, known ? hash! : Decoy, password);
        return known && result != PasswordVerificationResult.Failed;
    }

    /// <summary>True for a hash in Identity's v3 format (what <see cref="Hash"/> makes).</summary>
    public static bool IsHash(string? hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        try
        {
            var bytes = Convert.FromBase64String(hash);
            return bytes.Length >= 13 + 16 && bytes[0] == 0x01;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
