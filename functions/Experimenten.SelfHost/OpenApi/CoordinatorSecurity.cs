using Experimenten.Coordinator;
using Microsoft.OpenApi;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>How a coordinator signs in to the JSON API in the self-host (docs/security.md): either one will do.</summary>
static class CoordinatorSecurity
{
    public static readonly IReadOnlyDictionary<string, OpenApiSecurityScheme> Schemes = new SortedDictionary<string, OpenApiSecurityScheme>(StringComparer.Ordinal)
    {
        ["coordinatorSession"] = new()
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = CoordinatorAuth.CookieName,
            Description = "The session cookie of a sign-in at /coordinator/sign-in. On Azure: App Service authentication (Entra ID) with the coordinator app role instead.",
        },
        ["coordinatorBasic"] = new()
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "For scripts: the coordinator's user and password as HTTP Basic (self-host only). Wrong passwords are slowed down.",
        },
    };
}
