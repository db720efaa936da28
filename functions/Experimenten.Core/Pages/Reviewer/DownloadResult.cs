using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Reviewer;

/// <summary>A plan file as an attachment: never rendered inline, never sniffed by the browser.</summary>
sealed class DownloadResult(Stream stream, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = contentType;
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        httpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        httpContext.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        await using (stream)
        {
            await stream.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
