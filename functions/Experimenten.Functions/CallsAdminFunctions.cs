using Experimenten.Coordinator;
using Experimenten.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Experimenten.Functions;

/// <summary>HTTP triggers for the coordinator API on calls and the review panel. Each one only hands over to the core.</summary>
public sealed class CallsAdminFunctions(CallsAdminApi api)
{
    [Function("CoordinatorCalls")]
    public async Task<IActionResult> Calls([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCalls)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await api.ListCallsAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorCreateCall")]
    public async Task<IActionResult> CreateCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCalls)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await api.CreateCallAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorPreviewCall")]
    public async Task<IActionResult> PreviewCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCallPreview)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await api.PreviewCallAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorCall")]
    public async Task<IActionResult> Call([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCall)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.GetCallAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorChangeCall")]
    public async Task<IActionResult> ChangeCall([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.CoordinatorCall)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.ChangeCallAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorOpenCall")]
    public async Task<IActionResult> OpenCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCallOpen)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.ChangeCallWindowAsync(req, id, true, req.HttpContext.RequestAborted));

    [Function("CoordinatorCloseCall")]
    public async Task<IActionResult> CloseCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCallClose)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.ChangeCallWindowAsync(req, id, false, req.HttpContext.RequestAborted));

    [Function("CoordinatorCallHistory")]
    public async Task<IActionResult> CallHistory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCallHistory)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.CallHistoryAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorReviewers")]
    public async Task<IActionResult> Reviewers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorReviewers)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await api.ListReviewersAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorAddReviewer")]
    public async Task<IActionResult> AddReviewer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReviewers)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await api.SaveReviewerAsync(req, null, req.HttpContext.RequestAborted));

    [Function("CoordinatorChangeReviewer")]
    public async Task<IActionResult> ChangeReviewer([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.CoordinatorReviewer)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await api.SaveReviewerAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorReviewerStatus")]
    public async Task<IActionResult> ReviewerStatus([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReviewerStatus)] HttpRequest req, string id, string status, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await api.ChangeReviewerStatusAsync(req, id, status, durable, req.HttpContext.RequestAborted));
}
