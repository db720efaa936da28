using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary><c>GET /healthz</c> answers 200 only once the durable runtime and storage are ready.</summary>
public sealed class Readiness
{
    volatile string? notReady = "starting";

    public bool IsReady => notReady is null;

    public void MarkReady() => notReady = null;

    public void MarkNotReady(string reason) => notReady = reason;

    public IResult Check() => notReady is null
        ? Results.Json(new { status = "ready" })
        : Results.Json(new { status = "starting", reason = notReady }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
