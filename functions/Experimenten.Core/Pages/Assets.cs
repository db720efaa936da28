using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>Static assets embedded in the core, so both hosts serve the very same files at /assets/{name}.</summary>
public static class Assets
{
    static readonly Assembly Self = typeof(Assets).Assembly;

    public static IResult Get(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var stream = Self.GetManifestResourceStream($"Experimenten.Pages.assets.{name}");
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}
