namespace Experimenten.Http;

/// <summary>The HTTP contract (design §5). Both hosts map exactly these routes.</summary>
/// <remarks>
/// <see cref="AnonymousAttribute"/> marks the routes applicants, reviewers and probes reach without an
/// account; <see cref="PublicRoutes"/> derives the Azure sign-in exemptions and the log redaction from
/// these marks, so an unmarked route stays behind the coordinator sign-in.
/// </remarks>
public static class Routes
{
    [Anonymous]
    public const string Health = "healthz";
    [Anonymous]
    public const string Ready = "readyz";
    [Anonymous]
    public const string OpenApi = "openapi/v1.json";
    [Anonymous]
    public const string Calls = "api/calls";
    /// <summary>A call's public page: its text, amount and deadline; the form links to it.</summary>
    [Anonymous]
    public const string CallPage = "oproep/{id}";
    [Anonymous]
    public const string Applications = "api/applications";
    [Anonymous]
    public const string Application = "api/applications/{id}";
    [Anonymous]
    public const string Status = "status/{token}";
    [Anonymous]
    public const string StatusWithdraw = "status/{token}/withdraw";
    [Anonymous]
    public const string StatusContact = "status/{token}/contact";
    [Anonymous]
    public const string StatusDataRequest = "status/{token}/data-request";
    [Anonymous]
    public const string Asset = "assets/{name}";
    [Anonymous]
    public const string Form = "";
    [Anonymous]
    public const string Review = "review/{token}";
    [Anonymous]
    public const string Plan = "plan/{token}";
    [Anonymous]
    public const string Revision = "revision/{token}";
    [Anonymous]
    public const string Report = "report/{token}";
    [Anonymous]
    public const string Withdraw = "api/applications/{id}/withdraw";
    [Anonymous]
    public const string Contacts = "api/applications/{id}/contacts";
    public const string CoordinatorList = "api/coordinator/applications";
    public const string CoordinatorDetail = "api/coordinator/applications/{id}";
    public const string CoordinatorDeadline = "api/coordinator/applications/{id}/deadline";
    public const string CoordinatorRemind = "api/coordinator/applications/{id}/remind";
    public const string CoordinatorReassign = "api/coordinator/applications/{id}/reassign";
    public const string CoordinatorCancel = "api/coordinator/applications/{id}/cancel";
    public const string CoordinatorReportAccept = "api/coordinator/applications/{id}/reports/{number:int}/accept";
    public const string CoordinatorReportChanges = "api/coordinator/applications/{id}/reports/{number:int}/changes";
    public const string CoordinatorContacts = "api/coordinator/applications/{id}/contacts";
    public const string CoordinatorExport = "api/coordinator/applications/{id}/export";
    public const string CoordinatorErase = "api/coordinator/applications/{id}/erase";
    public const string CoordinatorDataRequests = "api/coordinator/data-requests";
    public const string CoordinatorDataRequestHandled = "api/coordinator/applications/{id}/data-requests/{key}/handled";
    public const string CoordinatorAudit = "api/coordinator/audit";
    public const string CoordinatorCalls = "api/coordinator/calls";
    public const string CoordinatorCall = "api/coordinator/calls/{id}";
    public const string CoordinatorCallPreview = "api/coordinator/calls/preview";
    public const string CoordinatorCallOpen = "api/coordinator/calls/{id}/open";
    public const string CoordinatorCallClose = "api/coordinator/calls/{id}/close";
    public const string CoordinatorCallHistory = "api/coordinator/calls/{id}/history";
    public const string CoordinatorReviewers = "api/coordinator/reviewers";
    public const string CoordinatorReviewer = "api/coordinator/reviewers/{id}";
    public const string CoordinatorReviewerStatus = "api/coordinator/reviewers/{id}/{status:regex(^(pause|resume|remove)$)}";
    public const string CoordinatorDashboard = "coordinator";
    public const string CoordinatorCallsPage = "coordinator/calls";
    public const string CoordinatorCallNewPage = "coordinator/calls/new";
    public const string CoordinatorCallPage = "coordinator/calls/{id}";
    public const string CoordinatorCallPageAction = "coordinator/calls/{id}/{action:regex(^(save|open|close)$)}";
    public const string CoordinatorReviewersPage = "coordinator/reviewers";
    public const string CoordinatorReviewerPage = "coordinator/reviewers/{id}";
    public const string CoordinatorReviewerPageAction = "coordinator/reviewers/{id}/{action:regex(^(save|pause|resume|remove)$)}";
    public const string CoordinatorSignIn = "coordinator/sign-in";
    public const string CoordinatorSignOut = "coordinator/sign-out";
    public const string CoordinatorRows = "coordinator/rows";
    public const string CoordinatorPage = "coordinator/applications/{id}";
    public const string CoordinatorPageAction = "coordinator/applications/{id}/{action}";
    public const string CoordinatorPageReport = "coordinator/applications/{id}/reports/{number:int}/{verdict}";

    /// <summary>The site root as an HTTP trigger route: Functions has no empty route of its own.</summary>
    public const string FunctionsRoot = "{ignored:maxlength(0)?}";
}
