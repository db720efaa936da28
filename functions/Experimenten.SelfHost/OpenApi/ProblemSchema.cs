using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// The problems' own members on top of RFC 9457 (Http/Problems.cs): the generator knows ProblemDetails, not what
/// this app puts in its extensions.
/// </summary>
static class ProblemSchema
{
    public static void AddExtensions(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "`urn:experimenten:problem:{code}`: the code tells problems apart (`invalid-fields`, `call-closed`, …)." };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Per form field, what is wrong with it, in the reader's language.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["retryAfter"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "With 429: seconds to wait, as in the Retry-After header." };
        schema.Properties["stage"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "With 409 wrong-stage: the application's stage." };
        schema.Properties["deadline"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "With call-closed and call-not-open: when the call closes." };
        schema.Properties["opensAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "With call-closed and call-not-open: when the call opens." };
    }

    public static bool IsProblem(Type type) => type == typeof(ProblemDetails);
}
