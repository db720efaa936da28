using Experimenten.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Experimenten.Functions;

/// <summary>
/// The OpenAPI document at the same route as the self-host. Functions cannot generate it, so this serves the copy the
/// self-host's build writes to <c>docs/api/openapi.json</c>, embedded at build time (OpenApiDocumentTests keep the two equal).
/// </summary>
public static class OpenApiFunction
{
    public const string ResourceName = "openapi.json";

    static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("docs/api/openapi.json is not embedded in Experimenten.Functions.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [Function("OpenApi")]
    public static Task<IActionResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest req) =>
        HttpFunctions.Execute(req, Results.Bytes(Document.Value, "application/json; charset=utf-8"));
}
