using Experimenten.Health;
using Experimenten.Http;
using Experimenten.Pages;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Experimenten.Functions;

/// <summary>HTTP triggers for the routes of design §5. Each one only hands over to the core.</summary>
public sealed class HttpFunctions(
    HealthApi health,
    CallsApi calls,
    SubmissionHandler submissions,
    ApplicantApi applicant,
    Experimenten.Pages.Applicant.StatusPages status,
    Experimenten.Pages.Applicant.FormHandler form)
{
    [Function("Health")]
    public static Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest req) =>
        Execute(req, HealthApi.Alive());

    [Function("Ready")]
    public async Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Ready)] HttpRequest req) =>
        await Execute(req, await health.ReadyAsync(req.HttpContext.RequestAborted));

    [Function("ListCalls")]
    public async Task<IActionResult> ListCalls([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Calls)] HttpRequest req) =>
        await Execute(req, await calls.ListAsync(req, req.HttpContext.RequestAborted));

    [Function("SubmitApplication")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Applications)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        await Execute(req, await submissions.HandleAsync(req, durable, req.HttpContext.RequestAborted));

    [Function("GetApplication")]
    public async Task<IActionResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Application)] HttpRequest req, string id) =>
        await Execute(req, await applicant.GetAsync(req, id, req.HttpContext.RequestAborted));

    [Function("StatusPage")]
    public async Task<IActionResult> StatusPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Status)] HttpRequest req, string token) =>
        await Execute(req, await status.GetAsync(req, token, req.HttpContext.RequestAborted));

    [Function("Asset")]
    public static Task<IActionResult> Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Asset)] HttpRequest req, string name) =>
        Execute(req, Assets.Get(name));

    [Function("FormPage")]
    public async Task<IActionResult> FormPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.FunctionsRoot)] HttpRequest req) =>
        await Execute(req, await form.GetAsync(req, req.HttpContext.RequestAborted));

    /// <summary>The core answers with ASP.NET Core results; run them on the Functions request.</summary>
    internal static async Task<IActionResult> Execute(HttpRequest req, IResult result)
    {
        await result.ExecuteAsync(req.HttpContext);
        return new EmptyResult();
    }
}
