namespace Experimenten.Http;

/// <summary>The HTTP contract (design §5). Both hosts map exactly these routes.</summary>
public static class Routes
{
    public const string Health = "healthz";
    public const string Calls = "api/calls";
    public const string Applications = "api/applications";
    public const string Application = "api/applications/{id}";
    public const string Status = "status/{token}";
    public const string StatusWithdraw = "status/{token}/withdraw";
    public const string StatusContact = "status/{token}/contact";
    public const string Asset = "assets/{name}";
    public const string Form = "";
    public const string Review = "review/{token}";
    public const string Plan = "plan/{token}";
    public const string Revision = "revision/{token}";
    public const string Report = "report/{token}";
    public const string Withdraw = "api/applications/{id}/withdraw";
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
    public const string CoordinatorDashboard = "coordinator";
    public const string CoordinatorSignIn = "coordinator/sign-in";
    public const string CoordinatorSignOut = "coordinator/sign-out";
    public const string CoordinatorPage = "coordinator/applications/{id}";
    public const string CoordinatorPageAction = "coordinator/applications/{id}/{action}";
    public const string CoordinatorPageReport = "coordinator/applications/{id}/reports/{number:int}/{verdict}";

    /// <summary>The site root as an HTTP trigger route: Functions has no empty route of its own.</summary>
    public const string FunctionsRoot = "{ignored:maxlength(0)?}";
}
