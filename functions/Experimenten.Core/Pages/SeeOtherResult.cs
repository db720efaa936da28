using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>303 See Other after a form post: the browser GETs the page again, so a reload never posts twice.</summary>
public sealed class SeeOtherResult(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status303SeeOther;
        response.Headers.Location = location;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
