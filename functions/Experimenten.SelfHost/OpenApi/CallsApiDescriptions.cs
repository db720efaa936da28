using Experimenten.Calls;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using static Experimenten.SelfHost.OpenApi.OperationExtensions;

namespace Experimenten.SelfHost.OpenApi;

// The coordinator's endpoints for calls and the review panel.
static partial class OpenApiDescriptions
{
    static readonly DateTimeOffset Opens = new(2027, 1, 10, 9, 0, 0, TimeSpan.FromHours(1));

    static CallBody ExampleCall(int version = 1, bool open = false) => new(
        "buurt-2027", new LocalizedText("Samen in de buurt 2027", "Together in the neighbourhood 2027"),
        new LocalizedText("Probeer samen iets nieuws in uw buurt. Wij betalen tot 10.000 euro.", "Try something new together in your neighbourhood. We pay up to 10,000 euros."),
        "VSBfonds", ["LSA Bewoners"], Opens, Opens.AddMonths(3), 10000,
        new ReviewBody(3, 2, "quorum", "P28D", "P3D", "P3D", "P7D", true), new RevisionBody("P21D", 3),
        new MonitoringBody(2, "P120D", "P7D", "P7D", "P14D"), new RetentionBody("P24M", "P6M"), ["annelies-bakker", "joost-van-dalen", "thomas-verbeek"], version, open);

    static System.Text.Json.Nodes.JsonNode InvalidCall => Problem(Problems.Create(422, "invalid-call", "The call is not right yet", "What needs to change is next to the fields.",
        new Dictionary<string, string[]> { [CallFields.ReviewPeriod] = ["\"14 days\" is not a duration. Write it like P14D (14 days), PT12H (12 hours) or PT30M (30 minutes)."] }));

    static System.Text.Json.Nodes.JsonNode CallNotFound => Problem(Problems.Create(404, "call-not-found", "This call does not exist", "There is no call with this name. Look in the list of calls."));

    static ReviewerBody ExampleReviewer(string status = "active") => new("annelies-bakker", "Annelies Bakker", "annelies.bakker@example.org", ["Bewonersnetwerk Zuidrand"], "nl", status);

    public static RouteHandlerBuilder DescribeCoordinatorCalls(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorCalls").Coordinator()
        .WithSummary("Every call, with its current version and whether the form takes it now")
        .Produces<List<CallBody>>(StatusCodes.Status200OK)
        .Transform(o => o.ResponseExample(200, "calls", Of(new List<CallBody> { ExampleCall() })));

    public static RouteHandlerBuilder DescribeCoordinatorCall(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorCall").Coordinator()
        .WithSummary("One call as it is now")
        .Produces<CallBody>(StatusCodes.Status200OK)
        .ProducesProblems(404)
        .Transform(o => o.ResponseExample(200, "call", Of(ExampleCall())).ResponseExample(404, "call-not-found", CallNotFound));

    public static RouteHandlerBuilder DescribeCoordinatorCreateCall(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorCreateCall").CoordinatorAction<CallBody>()
        .WithSummary("Create a call")
        .WithDescription("The body has the shape of seeds/calls.json; every duration is ISO 8601 (P14D, PT30M), retention periods count on the calendar (P24M). "
            + "Every field is checked, and each one that is wrong says why; a rule the call's panel cannot meet is refused. `version` and `isOpen` are ignored.")
        .Produces<CallBody>(StatusCodes.Status201Created)
        .ProducesProblems(422)
        .Transform(o => o
            .RequestExample("call", Of(ExampleCall(0)))
            .ResponseExample(201, "created", Of(ExampleCall()))
            .ResponseExample(409, "call-exists", Problem(Problems.Create(409, "call-exists", "The call is not right yet", "What needs to change is next to the fields.",
                new Dictionary<string, string[]> { [CallFields.Id] = ["There is already a call with this name in its address."] })))
            .ResponseExample(422, "invalid-call", InvalidCall));

    public static RouteHandlerBuilder DescribeCoordinatorChangeCall(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorChangeCall").CoordinatorAction<CallBody>()
        .WithSummary("Save a new version of a call")
        .WithDescription("Send the whole call with the `version` you read. The change applies to applications sent after it: an application keeps the version of "
            + "its call it was sent under. Only the opening and closing moments apply to everyone at once (they decide what the form takes). "
            + "A version that is not the current one any more is refused with 409 (somebody else saved meanwhile); without `version`, 428.")
        .Produces<CallBody>(StatusCodes.Status200OK)
        .ProducesProblems(422, 428)
        .Transform(o => o
            .RequestExample("call", Of(ExampleCall(1)))
            .ResponseExample(200, "saved", Of(ExampleCall(2)))
            .ResponseExample(404, "call-not-found", CallNotFound)
            .ResponseExample(409, "call-changed", Problem(Problems.Create(409, "call-changed", "The call changed meanwhile", "Somebody else saved this call meanwhile. Look at the new version and make your change again.")))
            .ResponseExample(422, "invalid-call", InvalidCall)
            .ResponseExample(428, "call-version-missing", Problem(Problems.Create(428, "call-version-missing", "The call is not right yet", "Say which version you changed: put \"version\" in the body (the version GET gave).",
                new Dictionary<string, string[]> { ["version"] = ["Say which version you changed: put \"version\" in the body (the version GET gave)."] }))));

    public static RouteHandlerBuilder DescribeCoordinatorPreviewCall(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorPreviewCall").CoordinatorAction<CallBody>()
        .WithSummary("What a call's settings mean for one application, without saving")
        .WithDescription("The dates an application sent now (or at the opening, if later) would meet when everybody takes the whole time they are given: reminders, deadlines, reports, erasure.")
        .Produces<CallPreviewBody>(StatusCodes.Status200OK)
        .ProducesProblems(422)
        .Transform(o => o
            .RequestExample("call", Of(ExampleCall(0)))
            .ResponseExample(200, "schedule", Of(new CallPreviewBody(ExampleCall(0), [new ScheduleLine("Schedule.Submitted", Opens), new ScheduleLine("Schedule.Review.Due", Opens.AddDays(28))])))
            .ResponseExample(422, "invalid-call", InvalidCall));

    public static RouteHandlerBuilder DescribeCoordinatorCallWindow(this RouteHandlerBuilder endpoint, bool open) => endpoint
        .WithName(open ? "CoordinatorOpenCall" : "CoordinatorCloseCall").CoordinatorAction<EmptyRequest>()
        .WithSummary(open ? "Open a call now" : "Close a call now")
        .WithDescription(open
            ? "The form takes applications for it from now until its closing moment. Recorded as a version of the call."
            : "The form takes no more applications for it, at once. Applications already sent go on as they were. Recorded as a version of the call.")
        .Produces<CallBody>(StatusCodes.Status200OK)
        .Transform(o => o
            .RequestExample("empty", Of(new EmptyRequest()))
            .ResponseExample(200, open ? "opened" : "closed", Of(ExampleCall(2, open)))
            .ResponseExample(404, "call-not-found", CallNotFound)
            .ResponseExample(409, open ? "call-already-open" : "call-already-closed", Problem(open
                ? Problems.Create(409, "call-already-open", "This call is open already", "The form already takes applications for this call.")
                : Problems.Create(409, "call-already-closed", "This call is closed already", "The form no longer takes applications for this call."))));

    public static RouteHandlerBuilder DescribeCoordinatorCallHistory(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorCallHistory").Coordinator()
        .WithSummary("Every saved version of a call, newest first: who, when, what kind of change and what each field was before")
        .Produces<List<CallHistoryEntry>>(StatusCodes.Status200OK)
        .ProducesProblems(404)
        .Transform(o => o
            .ResponseExample(200, "history", Of(new List<CallHistoryEntry>
            {
                new(2, Opens.AddDays(-2), "coordinator", CallChangeKind.DeadlineMoved, true, [new CallFieldChange(CallFields.ClosesAt, "2027-04-10T09:00", "2027-04-17T17:00")]),
                new(1, Opens.AddDays(-9), "coordinator", CallChangeKind.Created, false, []),
            }))
            .ResponseExample(404, "call-not-found", CallNotFound));

    public static RouteHandlerBuilder DescribeCoordinatorReviewers(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorReviewers").Coordinator()
        .WithSummary("The review panel, removed reviewers included (without address)")
        .Produces<List<ReviewerBody>>(StatusCodes.Status200OK)
        .Transform(o => o.ResponseExample(200, "panel", Of(new List<ReviewerBody> { ExampleReviewer() })));

    public static RouteHandlerBuilder DescribeCoordinatorSaveReviewer(this RouteHandlerBuilder endpoint, bool create) => endpoint
        .WithName(create ? "CoordinatorAddReviewer" : "CoordinatorChangeReviewer").CoordinatorAction<ReviewerRequest>()
        .WithSummary(create ? "Add a reviewer to the panel" : "Change a reviewer's name, address, organisations or language")
        .WithDescription("A reviewer whose organisations include an applicant's welfare organisation is never invited for that application (conflict of interest).")
        .Produces<ReviewerBody>(create ? StatusCodes.Status201Created : StatusCodes.Status200OK)
        .ProducesProblems(422)
        .Transform(o => o
            .RequestExample("reviewer", Of(new ReviewerRequest("Annelies Bakker", "annelies.bakker@example.org", ["Bewonersnetwerk Zuidrand"], "nl")))
            .ResponseExample(create ? 201 : 200, "saved", Of(ExampleReviewer()))
            .ResponseExample(404, "reviewer-not-found", Problem(Problems.Create(404, "reviewer-not-found", "This reviewer does not exist (any more)", "Look in the list of reviewers.")))
            .ResponseExample(422, "invalid-reviewer", Problem(Problems.Create(422, "invalid-reviewer", "The reviewer is not right yet", "What needs to change is next to the fields.",
                new Dictionary<string, string[]> { [PanelCommands.Email] = ["Enter an email address, like name@example.org."] }))));

    public static RouteHandlerBuilder DescribeCoordinatorReviewerStatus(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorReviewerStatus").CoordinatorAction<EmptyRequest>()
        .WithSummary("Pause, resume or remove a reviewer")
        .WithDescription("Paused: not invited to new rounds, keeps the invitations they have. Removed: their address goes, every open invitation is withdrawn at once "
            + "(their links stop working) and each running round asks the next eligible reviewer instead (`handedOn`; `replacement` null when nobody was left).")
        .Produces<ReviewerStatusBody>(StatusCodes.Status200OK)
        .Transform(o => o
            .RequestExample("empty", Of(new EmptyRequest()))
            .ResponseExample(200, "removed", Of(new ReviewerStatusBody(ExampleReviewer("removed") with { Email = "", Organisations = [] }, [new RoundHandedOn(Id, 1, "thomas-verbeek")])))
            .ResponseExample(404, "reviewer-not-found", Problem(Problems.Create(404, "reviewer-not-found", "This reviewer does not exist (any more)", "Look in the list of reviewers."))));
}
