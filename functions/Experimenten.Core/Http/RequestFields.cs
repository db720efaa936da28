using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>The flat fields of a JSON body or a plain form post: the applicant and coordinator actions accept both.</summary>
public static class RequestFields
{
    /// <summary>The fields, an empty set for an empty body, or null when the JSON is not valid.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            return (await request.ReadFormAsync(cancellationToken)).ToDictionary(f => f.Key, f => f.Value.ToString());
        }

        if (request.ContentLength is 0 || request.ContentType is null)
        {
            return [];
        }

        try
        {
            var json = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(request.Body, cancellationToken: cancellationToken);
            return json?.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString()) ?? [];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
