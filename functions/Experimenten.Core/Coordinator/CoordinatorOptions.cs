namespace Experimenten.Coordinator;

public sealed class CoordinatorOptions
{
    public const string Section = "Coordinator";

    /// <summary>Basic (self-host: credentials below) or AppService (Azure: Entra ID sign-in, app role "coordinator").</summary>
    public CoordinatorAuthMode Mode { get; set; } = CoordinatorAuthMode.Basic;

    public List<CoordinatorCredential> Credentials { get; } = [];

    /// <summary>The app role a signed-in Entra ID user needs.</summary>
    public string Role { get; set; } = "coordinator";
}

public enum CoordinatorAuthMode
{
    Basic,
    AppService,
}

public sealed class CoordinatorCredential
{
    public string User { get; set; } = "";

    public string Password { get; set; } = "";
}
