using Experimenten.Http;
using Experimenten.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Experimenten.Functions;

/// <summary>HTTP triggers for the pages' own form posts and the coordinator's pages. Each one only hands over to the core.</summary>
public sealed class PageFunctions(Experimenten.Pages.Applicant.StatusPages status, CoordinatorPages coordinator, SignInPage signIn, Experimenten.Pages.Calls.CallPages calls)
{
    [Function("CoordinatorSignInPage")]
    public async Task<IActionResult> CoordinatorSignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorSignIn)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await signIn.GetAsync(req));

    [Function("CoordinatorSignIn")]
    public async Task<IActionResult> CoordinatorSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorSignIn)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await signIn.PostAsync(req));

    [Function("CoordinatorSignOut")]
    public async Task<IActionResult> CoordinatorSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorSignOut)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await signIn.SignOutAsync(req));

    [Function("StatusWithdraw")]
    public async Task<IActionResult> StatusWithdraw([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.StatusWithdraw)] HttpRequest req, string token, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await status.WithdrawAsync(req, token, durable, req.HttpContext.RequestAborted));

    [Function("StatusContact")]
    public async Task<IActionResult> StatusContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.StatusContact)] HttpRequest req, string token, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await status.ChangeContactAsync(req, token, durable, req.HttpContext.RequestAborted));

    [Function("StatusDataRequest")]
    public async Task<IActionResult> StatusDataRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.StatusDataRequest)] HttpRequest req, string token) =>
        await HttpFunctions.Execute(req, await status.DataRequestAsync(req, token, req.HttpContext.RequestAborted));

    [Function("CoordinatorDashboard")]
    public async Task<IActionResult> CoordinatorDashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorDashboard)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await coordinator.ListAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorRows")]
    public async Task<IActionResult> CoordinatorRows([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorRows)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await coordinator.RowsAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorPage")]
    public async Task<IActionResult> CoordinatorPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorPage)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await coordinator.DetailAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorPageAction")]
    public async Task<IActionResult> CoordinatorPageAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorPageAction)] HttpRequest req, string id, string action, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.ActAsync(req, id, action, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorPageReport")]
    public async Task<IActionResult> CoordinatorPageReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorPageReport)] HttpRequest req, string id, int number, string verdict, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.JudgeReportAsync(req, id, number, verdict, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorCallsPage")]
    public async Task<IActionResult> CoordinatorCallsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCallsPage)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await calls.ListAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorCallNewPage")]
    public async Task<IActionResult> CoordinatorCallNewPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCallNewPage)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await calls.NewAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorCallPage")]
    public async Task<IActionResult> CoordinatorCallPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorCallPage)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await calls.DetailAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorCallPageAction")]
    public async Task<IActionResult> CoordinatorCallPageAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCallPageAction)] HttpRequest req, string id, string action) =>
        await HttpFunctions.Execute(req, await calls.ActAsync(req, id, action, req.HttpContext.RequestAborted));

    [Function("CoordinatorReviewersPage")]
    public async Task<IActionResult> CoordinatorReviewersPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorReviewersPage)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await calls.ReviewersAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorReviewerPage")]
    public async Task<IActionResult> CoordinatorReviewerPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorReviewerPage)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await calls.ReviewerAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorReviewerPageAction")]
    public async Task<IActionResult> CoordinatorReviewerPageAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReviewerPageAction)] HttpRequest req, string id, string action, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await calls.ReviewerActAsync(req, id, action, durable, req.HttpContext.RequestAborted));

    [Function("CallPage")]
    public async Task<IActionResult> CallPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CallPage)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await calls.PublicAsync(req, id, req.HttpContext.RequestAborted));
}
