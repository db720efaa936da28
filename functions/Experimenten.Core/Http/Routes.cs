namespace Experimenten.Http;

/// <summary>The HTTP contract (design §5). Both hosts map exactly these routes.</summary>
public static class Routes
{
    public const string Health = "healthz";
    public const string Calls = "api/calls";
    public const string Applications = "api/applications";
    public const string Application = "api/applications/{id}";
    public const string Status = "status/{token}";
    public const string Asset = "assets/{name}";
    public const string Form = "";

    /// <summary>The site root as an HTTP trigger route: Functions has no empty route of its own.</summary>
    public const string FunctionsRoot = "{ignored:maxlength(0)?}";
}
