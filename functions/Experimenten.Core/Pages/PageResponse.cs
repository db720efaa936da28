using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>How a rendered page goes out: its status and the headers its content calls for.</summary>
public sealed record PageResponse
{
    public static readonly PageResponse Ok = new();

    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>The URL carries a secret (a signed link): no referrer, no caching.</summary>
    public bool CarriesToken { get; init; }

    /// <summary>The page holds something per visitor (a CSRF token): never cached.</summary>
    public bool NoStore { get; init; }

    /// <summary>The form's CSRF token: put in the cookie and cascaded to the page's forms.</summary>
    public string? CsrfToken { get; init; }

    /// <summary>Runs before the body is written, e.g. to set a cookie.</summary>
    public Action<HttpContext>? Prepare { get; init; }
}
