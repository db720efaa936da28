namespace Experimenten.Coordinator;

public sealed class CoordinatorOptions
{
    public const string Section = "Coordinator";

    /// <summary>
    /// Password (self-host: a sign-in page with the hashed credentials below) or AppService (Azure: Entra ID
    /// sign-in in front of the app, app role "coordinator").
    /// </summary>
    public CoordinatorAuthMode Mode { get; set; } = CoordinatorAuthMode.Password;

    public List<CoordinatorCredential> Credentials { get; } = [];

    /// <summary>The app role a signed-in Entra ID user needs.</summary>
    public string Role { get; set; } = "coordinator";

    /// <summary>How long a sign-in lasts without use; every request within it renews it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Wrong passwords for one account, or from one client, before sign-in is slowed down.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait after <see cref="FreeFailures"/>; it doubles with each further failure, up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this are forgotten.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromHours(1);
}

public enum CoordinatorAuthMode
{
    /// <summary>The sign-in page with passwords stored as hashes; scripts may send the same credentials as HTTP Basic.</summary>
    Password = 0,

    /// <summary>The name this mode had before the sign-in page; kept so older settings keep working.</summary>
    Basic = Password,

    AppService = 1,
}

public sealed class CoordinatorCredential
{
    public string User { get; set; } = "";

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2, v3 format); print one with <c>hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Never used: a plaintext password in settings makes the host refuse to start and say how to hash it.</summary>
    public string Password { get; set; } = "";
}
