using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Reviewer;

/// <summary>A plan file or an export as an attachment: never rendered inline, never sniffed, never cached.</summary>
sealed class DownloadResult(Stream stream, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = contentType;
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        httpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";

        // A plan or an export is personal data: no shared or browser cache keeps a copy.
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        await using (stream)
        {
            await stream.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
