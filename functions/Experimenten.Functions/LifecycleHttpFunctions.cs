using Experimenten.Coordinator;
using Experimenten.Http;
using Experimenten.Pages.Applicant;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Experimenten.Functions;

/// <summary>HTTP triggers for the lifecycle: signed email links, applicant actions and the coordinator API.</summary>
public sealed class LifecycleHttpFunctions(Experimenten.Pages.Reviewer.ReviewerPages reviewer, UploadPages uploads, ApplicantActions applicant, CoordinatorApi coordinator, PlanStore plans)
{
    [Function("ReviewPage")]
    public async Task<IActionResult> ReviewPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Review)] HttpRequest req, string token) =>
        await HttpFunctions.Execute(req, await reviewer.GetAsync(req, token, req.HttpContext.RequestAborted));

    [Function("ReviewDecision")]
    public async Task<IActionResult> ReviewDecision([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Review)] HttpRequest req, string token, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await reviewer.PostAsync(req, token, durable, req.HttpContext.RequestAborted));

    [Function("PlanDownload")]
    public async Task<IActionResult> PlanDownload([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Plan)] HttpRequest req, string token) =>
        await HttpFunctions.Execute(req, await reviewer.PlanAsync(req, token, plans, req.HttpContext.RequestAborted));

    [Function("RevisionPage")]
    public async Task<IActionResult> RevisionPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Revision)] HttpRequest req, string token) =>
        await HttpFunctions.Execute(req, await uploads.GetRevisionAsync(req, token, req.HttpContext.RequestAborted));

    [Function("RevisionUpload")]
    public async Task<IActionResult> RevisionUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Revision)] HttpRequest req, string token, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await uploads.PostRevisionAsync(req, token, durable, req.HttpContext.RequestAborted));

    [Function("ReportPage")]
    public async Task<IActionResult> ReportPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Report)] HttpRequest req, string token) =>
        await HttpFunctions.Execute(req, await uploads.GetReportAsync(req, token, req.HttpContext.RequestAborted));

    [Function("ReportUpload")]
    public async Task<IActionResult> ReportUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Report)] HttpRequest req, string token, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await uploads.PostReportAsync(req, token, durable, req.HttpContext.RequestAborted));

    [Function("Withdraw")]
    public async Task<IActionResult> Withdraw([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Withdraw)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await applicant.WithdrawAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("ChangeContact")]
    public async Task<IActionResult> ChangeContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Contacts)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await applicant.ChangeContactAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorList")]
    public async Task<IActionResult> CoordinatorList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorList)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await coordinator.ListAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorDetail")]
    public async Task<IActionResult> CoordinatorDetail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorDetail)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await coordinator.DetailAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorDeadline")]
    public async Task<IActionResult> CoordinatorDeadline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorDeadline)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.ExtendDeadlineAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorRemind")]
    public async Task<IActionResult> CoordinatorRemind([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorRemind)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.RemindAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorReassign")]
    public async Task<IActionResult> CoordinatorReassign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReassign)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.ReassignAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorContacts")]
    public async Task<IActionResult> CoordinatorContacts([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorContacts)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.ChangeContactAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorCancel")]
    public async Task<IActionResult> CoordinatorCancel([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorCancel)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.CancelAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorReportAccept")]
    public async Task<IActionResult> CoordinatorReportAccept([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReportAccept)] HttpRequest req, string id, int number, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.JudgeReportAsync(req, id, number, true, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorReportChanges")]
    public async Task<IActionResult> CoordinatorReportChanges([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorReportChanges)] HttpRequest req, string id, int number, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.JudgeReportAsync(req, id, number, false, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorExport")]
    public async Task<IActionResult> CoordinatorExport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorExport)] HttpRequest req, string id) =>
        await HttpFunctions.Execute(req, await coordinator.ExportAsync(req, id, req.HttpContext.RequestAborted));

    [Function("CoordinatorErase")]
    public async Task<IActionResult> CoordinatorErase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorErase)] HttpRequest req, string id, [DurableClient] DurableTaskClient durable) =>
        await HttpFunctions.Execute(req, await coordinator.EraseAsync(req, id, durable, req.HttpContext.RequestAborted));

    [Function("CoordinatorDataRequests")]
    public async Task<IActionResult> CoordinatorDataRequests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorDataRequests)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await coordinator.DataRequestsAsync(req, req.HttpContext.RequestAborted));

    [Function("CoordinatorDataRequestHandled")]
    public async Task<IActionResult> CoordinatorDataRequestHandled([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CoordinatorDataRequestHandled)] HttpRequest req, string id, string key) =>
        await HttpFunctions.Execute(req, await coordinator.HandleDataRequestAsync(req, id, key, req.HttpContext.RequestAborted));

    [Function("CoordinatorAudit")]
    public async Task<IActionResult> CoordinatorAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CoordinatorAudit)] HttpRequest req) =>
        await HttpFunctions.Execute(req, await coordinator.AuditAsync(req, req.HttpContext.RequestAborted));
}
