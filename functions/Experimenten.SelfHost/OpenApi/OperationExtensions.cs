using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// What the generator cannot see for itself: the handlers read <see cref="HttpRequest"/> directly, so query
/// parameters, headers and examples are added to each operation here.
/// </summary>
static class OperationExtensions
{
    /// <summary>An example as the host would send it: the very record, serialized the way Results.Json does.</summary>
    public static JsonNode Of(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web)!;

    /// <summary>A problem example made by the same code the handlers answer with.</summary>
    public static JsonNode Problem(IResult problem) => Of(((ProblemHttpResult)problem).ProblemDetails);

    public static OpenApiOperation Query(this OpenApiOperation operation, string name, string description, bool required = false, JsonSchemaType type = JsonSchemaType.String) =>
        operation.Parameter(ParameterLocation.Query, name, description, required, new OpenApiSchema { Type = type });

    public static OpenApiOperation Parameter(this OpenApiOperation operation, ParameterLocation where, string name, string description, bool required, OpenApiSchema schema)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = name, In = where, Description = description, Required = required, Schema = schema });
        return operation;
    }

    public static OpenApiOperation RequestExample(this OpenApiOperation operation, string name, JsonNode value)
    {
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[name] = new OpenApiExample { Value = value.DeepClone() };
        }

        return operation;
    }

    public static OpenApiOperation ResponseExample(this OpenApiOperation operation, int status, string name, JsonNode value)
    {
        var response = operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new InvalidOperationException($"{operation.OperationId} has no {status} response to give an example for.");
        foreach (var media in response.Content?.Values ?? [])
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[name] = new OpenApiExample { Value = value.DeepClone() };
        }

        return operation;
    }

    /// <summary>Replaces a response's generic description ("Bad Request") with what it means here.</summary>
    public static OpenApiOperation Response(this OpenApiOperation operation, int status, string description)
    {
        if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is OpenApiResponse response)
        {
            response.Description = description;
        }

        return operation;
    }
}
