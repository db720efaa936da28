using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Experimenten.Http;

/// <summary>The flat fields of a JSON body or a plain form post: the applicant and coordinator actions accept both.</summary>
public static class RequestFields
{
    /// <summary>
    /// An action's fields are a reason, a name, an address or a date: far below this. A larger body is not an
    /// action, and is not read to the end (an anonymous caller with a forged link would otherwise cost memory and disk).
    /// </summary>
    public const int MaxBytes = 64 * 1024;

    static FormOptions Form => new()
    {
        MultipartBodyLengthLimit = MaxBytes,
        ValueCountLimit = 32,
        ValueLengthLimit = MaxBytes,
        MultipartBoundaryLengthLimit = 128,
    };

    /// <summary>The fields, an empty set for an empty body, or null when the body is not valid JSON, not a readable form, or too large.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        if (request.HasFormContentType)
        {
            try
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Form));
                return (await request.ReadFormAsync(cancellationToken)).ToDictionary(f => f.Key, f => f.Value.ToString());
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return null;
            }
        }

        if (request.ContentLength is 0 || request.ContentType is null)
        {
            return [];
        }

        // A body without a length (chunked) is read up to the limit and one byte more.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        try
        {
            buffer.Position = 0;
            var json = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(buffer, cancellationToken: cancellationToken);
            return json?.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString()) ?? [];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
