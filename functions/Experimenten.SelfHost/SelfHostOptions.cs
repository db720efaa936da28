namespace Experimenten.SelfHost;

public sealed class SelfHostOptions
{
    public const string Section = "SelfHost";

    /// <summary>Local state that is not in storage (the development link key). Git-ignored.</summary>
    public string DataPath { get; set; } = "";
}
