using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Storage;
using Experimenten.Submission;
using Microsoft.OpenApi;
using static Experimenten.SelfHost.OpenApi.OperationExtensions;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// What each <c>/api</c> endpoint takes and answers, for the OpenAPI document: one method per endpoint, called where
/// <see cref="HostingExtensions.MapExperimenten"/> maps it. The response types are the records the handlers send;
/// the problems are the ones each handler can answer with.
/// </summary>
static partial class OpenApiDescriptions
{
    const string Json = "application/json";
    const string Form = "application/x-www-form-urlencoded";
    const string CallsTag = "Calls";
    const string ApplicantsTag = "Applications";
    const string CoordinatorTag = "Coordinator";
    const string Id = "exp-7k2m9q4x8c3v";
    const string StatusUrl = "http://127.0.0.1:7071/api/applications/" + Id + "?token=…";
    static readonly DateTimeOffset Submitted = new(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(1));
    static readonly DateTimeOffset Deadline = new(2026, 3, 30, 17, 0, 0, TimeSpan.FromHours(2));

    public static RouteHandlerBuilder DescribeListCalls(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("ListCalls").WithTags(CallsTag)
        .WithSummary("The calls one can apply to")
        .WithDescription("Open calls first, then those that closed within the last two years. Titles and descriptions in the request's language.")
        .Produces<List<CallSummary>>(StatusCodes.Status200OK)
        .Transform(o => o.ResponseExample(200, "calls", Of(new[]
        {
            new CallSummary("demo", "Demo call (durations of minutes)", "Try the whole lifecycle in an afternoon.", "VSBfonds", ["LSA Bewoners", "Sociaal Werk Nederland"],
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(1)), 10000, true),
        })));

    public static RouteHandlerBuilder DescribeSubmitApplication(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("SubmitApplication").WithTags(ApplicantsTag)
        .WithSummary("Apply to a call")
        .WithDescription("Everything is checked before anything is stored; a refused form stores nothing and says per field what is wrong. "
            + "Send an `Idempotency-Key`: the same key with the same content answers with the same application, so a retry never makes a second one. "
            + "The `statusUrl` in the answer only shows the status; acting (withdraw, hand over) takes a contact's own link from their email. "
            + "A browser's plain form post (`Accept: text/html`) gets a page instead of JSON.")
        .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblems(400, 413, 415, 422, 429)
        .Transform(o =>
        {
            o.Parameter(ParameterLocation.Header, "Idempotency-Key", "A random key per application (a UUID, for example), at most 200 characters.", required: false,
                new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 });
            o.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [SubmissionFormSchema.MediaType] = new() { Schema = SubmissionFormSchema.Create() } },
            };

            o.RequestExample("application", new System.Text.Json.Nodes.JsonObject
            {
                ["callId"] = "demo",
                ["title"] = "Samen de buurtkamer",
                ["summary"] = "Bewoners en opbouwwerk houden samen de buurtkamer open.",
                ["municipality"] = "Utrecht",
                ["budgetRequested"] = "7.500",
                ["initiativeName"] = "Buurtkamer De Linde",
                ["residentContactName"] = "Anna",
                ["residentContactEmail"] = "anna@example.org",
                ["welfareOrganisation"] = "Welzijn Oost",
                ["welfareContactName"] = "Bram",
                ["welfareContactEmail"] = "bram@example.org",
                ["planText"] = "Wat we willen uitproberen: ...",
                ["consent"] = "true",
                ["language"] = "nl",
            });
            o.Response(202, "Accepted: the application exists and its lifecycle has started; both contacts get a confirmation.")
                .ResponseExample(202, "accepted", Of(new SubmissionAccepted(Id, nameof(Stage.Submitted), StatusUrl)))
                .ResponseExample(400, "invalid-fields", Problem(Problems.Create(400, "invalid-fields", "Please check the form", "Some fields need attention; each says what is wrong. Nothing was stored.",
                    new Dictionary<string, string[]> { ["residentContactEmail"] = ["This is not a valid email address, such as name@example.org."], ["budgetRequested"] = ["The fund gives whole euros only. Write the amount without cents, such as 4500 or 4,500. You wrote \"7500,50\"."] })))
                .ResponseExample(413, "too-large", Problem(Problems.Create(413, "too-large", "Too large", "The submission is too large. A file may be at most 10 MB. Nothing was stored.",
                    new Dictionary<string, string[]> { ["plan"] = ["The file may be at most 10 MB."] })))
                .ResponseExample(415, "unsupported-file", Problem(Problems.Create(415, "unsupported-file", "File type not accepted", "Some fields need attention; each says what is wrong. Nothing was stored.",
                    new Dictionary<string, string[]> { ["plan"] = ["We cannot accept this kind of file. Send a PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG."] })))
                .ResponseExample(422, "call-closed", Problem(Problems.Create(422, "call-closed", "Call closed", "The deadline of this call has passed. Nothing was stored.",
                    new Dictionary<string, string[]> { ["callId"] = ["This call closed on 2021-09-15T23:59:59.0000000+02:00."] },
                    new Dictionary<string, object?> { ["deadline"] = new DateTimeOffset(2021, 9, 15, 23, 59, 59, TimeSpan.FromHours(2)), ["opensAt"] = new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)) })))
                .ResponseExample(422, "idempotency-key-reused", Problem(Problems.Create(422, "idempotency-key-reused", "Key already used",
                    "This Idempotency-Key already belongs to another submission with other content. Nothing was stored. Send the application again with a new, random key (a UUID, for example).")))
                .ResponseExample(429, "too-many-requests", TooMany);
        });

    public static RouteHandlerBuilder DescribeGetApplication(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("GetApplication").WithTags(ApplicantsTag)
        .WithSummary("How an application is doing")
        .WithDescription("With the token of a status link (the `statusUrl` of the submission, or a contact's link from an email). A wrong, expired or replaced link is a 404, the same as an unknown id.")
        .Produces<ApplicantView>(StatusCodes.Status200OK)
        .ProducesProblems(404)
        .Transform(o => o.Token()
            .ResponseExample(200, "in-review", Of(new ApplicantView(Id, "demo", "Samen de buurtkamer", nameof(Stage.InReview), false, "reviewers", Deadline, Submitted,
                [new ApplicantTimelineEntry(Submitted, nameof(Stage.Submitted), "Application received"), new ApplicantTimelineEntry(Submitted.AddMinutes(2), nameof(Stage.InReview), "Being reviewed")])))
            .ResponseExample(404, "not-found", NotFoundProblem));

    public static RouteHandlerBuilder DescribeWithdraw(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("Withdraw").WithTags(ApplicantsTag)
        .WithSummary("Withdraw an application")
        .WithDescription("With the residents' contact's own status link: the initiative belongs to the residents. Both contacts get an email.")
        .Body<WithdrawRequest>(Json, Form)
        .Produces<WithdrawalAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblems(400, 403, 404, 409, 429)
        .Transform(o => o.Token()
            .RequestExample("withdraw", Of(new WithdrawRequest("We found another way to fund it.")))
            .ResponseExample(202, "accepted", Of(new WithdrawalAccepted(Id, nameof(Stage.InReview), "withdraw")))
            .ResponseExample(403, "residents-withdraw", Problem(Problems.Create(403, "residents-withdraw", "Only the residents withdraw",
                "The initiative belongs to the residents, so only the residents' contact can withdraw the application, with the link from their own email. Nothing has changed.")))
            .ResponseExample(400, "invalid-fields", Problem(Problems.Create(400, "invalid-fields", "Please check the form", "The reason is too long.",
                new Dictionary<string, string[]> { ["reason"] = ["At most 1000 characters."] })))
            .ResponseExample(404, "not-found", NotFoundProblem)
            .ResponseExample(409, "application-closed", ApplicationClosed)
            .ResponseExample(429, "too-many-requests", TooMany));

    public static RouteHandlerBuilder DescribeHandOver(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("HandOverContact").WithTags(ApplicantsTag)
        .WithSummary("Hand your place as a contact over to someone else")
        .WithDescription("With your own status link, for your own role only. The new contact gets their own link; yours stops working.")
        .Body<HandOverRequest>(Json, Form)
        .Produces<HandOverAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblems(400, 403, 404, 409, 429)
        .Transform(o => o.Token()
            .RequestExample("hand-over", Of(new HandOverRequest("resident", "Carla", "carla@example.org")))
            .ResponseExample(202, "accepted", Of(new HandOverAccepted(Id, "resident", "Carla", "carla@example.org")))
            .ResponseExample(400, "invalid-fields", Problem(Problems.Create(400, "invalid-fields", "Please check the form", "Some fields need attention.",
                new Dictionary<string, string[]> { ["email"] = ["This is not a valid email address, such as name@example.org."] })))
            .ResponseExample(403, "not-your-role", Problem(Problems.Create(403, "not-your-role", "Only your own role",
                "You can only hand over your own place as a contact. The other contact does that themselves, with the link from their own email, or asks the fund office. Nothing has changed.",
                new Dictionary<string, string[]> { ["role"] = ["This is not your role."] })))
            .ResponseExample(404, "not-found", NotFoundProblem)
            .ResponseExample(409, "application-closed", ApplicationClosed)
            .ResponseExample(429, "too-many-requests", TooMany));

    public static RouteHandlerBuilder DescribeCoordinatorList(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorList").Coordinator()
        .WithSummary("Every application, by next deadline")
        .WithDescription("A page at a time; pass `continuationToken` from one page to get the next.")
        .Produces<CoordinatorListPage>(StatusCodes.Status200OK)
        .ProducesProblems(400)
        .Transform(o => o
            .Query("callId", "Only this call's applications.")
            .Query("stage", $"Only this stage: {string.Join(", ", Enum.GetNames<Stage>())}.")
            .Query("overdue", "`true`: only applications past their deadline.")
            .Query("pageSize", "1 to 200; 50 when left out.", type: JsonSchemaType.Integer)
            .Query("continuationToken", "From the previous page.")
            .ResponseExample(200, "page", Of(new CoordinatorListPage(
                [new CoordinatorListItem(Id, "demo", "Samen de buurtkamer", "Buurtkamer De Linde", nameof(Stage.InReview), "reviewers", Deadline, false, 1, Submitted.AddMinutes(2))], null)))
            .ResponseExample(400, "invalid-fields", Problem(Problems.Create(400, "invalid-fields", "Please check the input", "Unknown stage \"Open\".",
                new Dictionary<string, string[]> { ["stage"] = [$"Unknown stage \"Open\". Choose from: {string.Join(", ", Enum.GetNames<Stage>())}."] }))));

    public static RouteHandlerBuilder DescribeCoordinatorDetail(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorDetail").Coordinator()
        .WithSummary("One application in full: contacts, plan, reviews, reports and timeline")
        .Produces<CoordinatorDetail>(StatusCodes.Status200OK)
        .ProducesProblems(404)
        .Transform(o => o
            .ResponseExample(200, "in-review", Of(new CoordinatorDetail(Id, "demo", "Samen de buurtkamer", "Bewoners en opbouwwerk houden samen de buurtkamer open.", "Buurtkamer De Linde",
                nameof(Stage.InReview), "reviewers", Deadline, 1, new Contact("Anna", "anna@example.org"), "Welzijn Oost", new Contact("Bram", "bram@example.org"), "Utrecht", 7500, Submitted,
                new CoordinatorPlan(1, false, true),
                [new CoordinatorReview(1, "r1", "Reviewer One", Submitted.AddMinutes(2), nameof(Decision.Approve), "A good plan.", Submitted.AddDays(3), false)],
                [],
                [new TimelineEntry(Submitted, nameof(Stage.Submitted), "Aanvraag ontvangen") { Id = "Submitted" }])))
            .ResponseExample(404, "not-found", NotFoundProblem));

    public static RouteHandlerBuilder DescribeCoordinatorDeadline(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorDeadline").CoordinatorAction<DeadlineRequest>()
        .WithSummary("Move the running deadline")
        .WithDescription("Replaces the running timer: reminders follow the new deadline.")
        .Produces<DeadlineAccepted>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("deadline", Of(new DeadlineRequest(Deadline, "The reviewers asked for a week more.")))
            .ResponseExample(202, "accepted", Of(new DeadlineAccepted(Id, Deadline, "The reviewers asked for a week more."))));

    public static RouteHandlerBuilder DescribeCoordinatorRemind(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorRemind").CoordinatorAction<EmptyRequest>()
        .WithSummary("Remind whoever the application waits on, now")
        .Produces<ReminderAccepted>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("empty", Of(new EmptyRequest()))
            .ResponseExample(202, "accepted", Of(new ReminderAccepted(Id, "reviewers"))));

    public static RouteHandlerBuilder DescribeCoordinatorReassign(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorReassign").CoordinatorAction<ReassignRequest>()
        .WithSummary("Give a reviewer's place in the current round to another reviewer")
        .Produces<ReassignmentAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblems(422)
        .Transform(o => o
            .RequestExample("reassign", Of(new ReassignRequest("r2", "r4")))
            .ResponseExample(202, "accepted", Of(new ReassignmentAccepted(Id, 1, "r2", "r4")))
            .ResponseExample(422, "invalid-reassignment", Problem(Problems.Create(422, "invalid-reassignment", "Reassignment not possible", "Each field says why.",
                new Dictionary<string, string[]> { ["to"] = ["This reviewer works for the application's welfare organisation."] }))));

    public static RouteHandlerBuilder DescribeCoordinatorContacts(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorReplaceContact").CoordinatorAction<ContactReplacementRequest>()
        .WithSummary("Replace a contact, with a reason")
        .WithDescription("The way back in for a side that lost access to its email; the reason is recorded in the timeline.")
        .Produces<ContactReplacementAccepted>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("replace", Of(new ContactReplacementRequest("welfare", "Dina", "dina@example.org", "Bram left Welzijn Oost.")))
            .ResponseExample(202, "accepted", Of(new ContactReplacementAccepted(Id, "welfare", "Dina", "dina@example.org", "Bram left Welzijn Oost."))));

    public static RouteHandlerBuilder DescribeCoordinatorCancel(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorCancel").CoordinatorAction<CancelRequest>()
        .WithSummary("Cancel an application, with a reason")
        .Produces<CancellationAccepted>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("cancel", Of(new CancelRequest("Submitted twice by mistake.")))
            .ResponseExample(202, "accepted", Of(new CancellationAccepted(Id, "cancel", "Submitted twice by mistake."))));

    public static RouteHandlerBuilder DescribeCoordinatorReport(this RouteHandlerBuilder endpoint, bool accept) => endpoint
        .WithName(accept ? "CoordinatorReportAccept" : "CoordinatorReportChanges").CoordinatorAction<ReportJudgementRequest>()
        .WithSummary(accept ? "Accept a submitted report" : "Ask for changes to a submitted report")
        .WithDescription(accept ? "The comment is optional." : "The comment says what should be added; it is required.")
        .Produces<ReportJudgementAccepted>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("judgement", Of(new ReportJudgementRequest(accept ? "Thank you." : "Please add what the residents learned.")))
            .ResponseExample(202, "accepted", Of(new ReportJudgementAccepted(Id, 1, accept))));

    public static RouteHandlerBuilder DescribeCoordinatorExport(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorExport").CoordinatorAction<EmptyRequest>()
        .WithSummary("Everything stored about one application, as a zip (AVG subject access)")
        .WithDescription("`application.json` (every stored row and mail record, link tokens removed) and the plan and report files under `files/`. Recorded in the audit log.")
        .Produces(StatusCodes.Status200OK, contentType: "application/zip")
        .Transform(o => o.RequestExample("empty", Of(new EmptyRequest())));

    public static RouteHandlerBuilder DescribeCoordinatorErase(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorErase").CoordinatorAction<EraseRequest>()
        .WithSummary("Erase an application now, at any stage (AVG erasure)")
        .WithDescription("Stops and purges its durable instances and deletes every stored trace; one anonymous statistics row and an audit line remain. An application erased before is 404.")
        .Produces<Experimenten.Privacy.ErasureReport>(StatusCodes.Status200OK)
        .Transform(o => o
            .RequestExample("erase", Of(new EraseRequest("Erasure request of 3 December.", true)))
            .ResponseExample(200, "erased", Of(new Experimenten.Privacy.ErasureReport(Id, true, [Id, Id + ":review:1"], new Dictionary<string, int> { ["applications"] = 1, ["timeline"] = 4, ["reviews"] = 3, ["outbox"] = 5 }, 4, 1))));

    public static RouteHandlerBuilder DescribeCoordinatorDataRequests(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorDataRequests").Coordinator()
        .WithSummary("Open data requests, earliest legal deadline first")
        .Produces<List<OpenDataRequest>>(StatusCodes.Status200OK)
        .Transform(o => o.ResponseExample(200, "open", Of(new List<OpenDataRequest> { new(Id, "20260302-resident", "resident", Submitted, Submitted.AddMonths(1), false) })));

    public static RouteHandlerBuilder DescribeCoordinatorDataRequestHandled(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorDataRequestHandled").CoordinatorAction<EmptyRequest>()
        .WithSummary("Mark a data request handled (recorded in the audit log)")
        .Produces<DataRequestHandled>(StatusCodes.Status202Accepted)
        .Transform(o => o
            .RequestExample("empty", Of(new EmptyRequest()))
            .ResponseExample(202, "handled", Of(new DataRequestHandled(Id, "20260302-resident", "coordinator", Submitted.AddDays(5)))));

    public static RouteHandlerBuilder DescribeCoordinatorAudit(this RouteHandlerBuilder endpoint) => endpoint
        .WithName("CoordinatorAudit").Coordinator()
        .WithSummary("The audit log, newest first: exports, erasures, data requests")
        .Produces<List<AuditLine>>(StatusCodes.Status200OK)
        .Transform(o => o
            .Query("applicationId", "Only this application's lines.")
            .ResponseExample(200, "lines", Of(new List<AuditLine> { new(Submitted.AddDays(5), "coordinator", "erased", Id, "Erasure request of 3 December.") })));

    /// <summary>The coordinator's endpoints: signed in (session cookie or HTTP Basic), or 401/403; wrong passwords are slowed down (429).</summary>
    static RouteHandlerBuilder Coordinator(this RouteHandlerBuilder endpoint) => endpoint
        .WithTags(CoordinatorTag)
        .ProducesProblems(401, 403, 429)
        .Transform((o, document) =>
        {
            o.Security = [.. CoordinatorSecurity.Schemes.Keys.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, document)] = [] })];
            o.ResponseExample(401, "unauthenticated", Problem(Problems.Create(401, "unauthenticated", "Sign-in needed", "This part is for the fund's coordinators only. Sign in at /coordinator/sign-in.")))
                .ResponseExample(403, "forbidden", Problem(Problems.Create(403, "forbidden", "No access", "You are signed in, but not as a coordinator.")))
                .ResponseExample(429, "too-many-sign-in-attempts", Problem(Problems.Create(429, "too-many-sign-in-attempts", "Too many attempts", "A wrong password was given too often. Try again in 30 seconds.",
                    extensions: new Dictionary<string, object?> { ["retryAfter"] = 30 })));
        });

    /// <summary>The coordinator's actions: a JSON body only (415 otherwise), never from another site (403), checked against the stage (409).</summary>
    static RouteHandlerBuilder CoordinatorAction<TRequest>(this RouteHandlerBuilder endpoint) => endpoint
        .Coordinator()
        .Body<TRequest>(Json)
        .ProducesProblems(400, 404, 409, 415)
        .Transform(o => o
            .ResponseExample(400, "malformed-json", Problem(Problems.Create(400, "malformed-json", "Unreadable input", "The request's JSON is not valid.")))
            .ResponseExample(403, "cross-site", Problem(Problems.Create(403, "cross-site", "Request from another website", "This request came from another website and was refused. Nothing has changed.")))
            .ResponseExample(404, "not-found", NotFoundProblem)
            .ResponseExample(409, "wrong-stage", Problem(Problems.Create(409, "wrong-stage", "Does not fit the stage", "Not possible now: the application is closed. The application is at the stage \"Withdrawn\".",
                extensions: new Dictionary<string, object?> { ["stage"] = nameof(Stage.Withdrawn) })))
            .ResponseExample(415, "json-only", Problem(Problems.Create(415, "json-only", "Send JSON",
                "This API accepts only a JSON body (Content-Type: application/json), even an empty one: {}. Nothing has changed."))));

    static System.Text.Json.Nodes.JsonNode TooMany => Problem(Problems.Create(429, "too-many-requests", "Please wait a moment",
        "Too many submissions arrived in a short time, from your address or for this application. Nothing was stored and nothing was sent. Please try again in 6 minutes.",
        extensions: new Dictionary<string, object?> { ["retryAfter"] = 360 }));

    static System.Text.Json.Nodes.JsonNode NotFoundProblem => Problem(Problems.NotFound(Languages.English));

    static System.Text.Json.Nodes.JsonNode ApplicationClosed => Problem(Problems.Create(409, "application-closed", "Application is closed", "This application is already closed (withdrawn). Nothing changes."));

    static OpenApiOperation Token(this OpenApiOperation operation) =>
        operation.Query("token", "The token of a status link, as the link carries it.", required: true);

    /// <summary>
    /// The request body, for the document only. Not <c>Accepts&lt;T&gt;</c>: that also makes routing refuse other content
    /// types with a bare 415, before the handler can answer with its own problem (json-only, unsupported-media-type).
    /// </summary>
    static RouteHandlerBuilder Body<TRequest>(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var document = context.Document!;
            var name = typeof(TRequest).Name;
            if (document.Components?.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(TRequest), cancellationToken: cancellationToken));
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = new OpenApiSchemaReference(name, document) }),
            };
        });

    static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }

    static RouteHandlerBuilder Transform(this RouteHandlerBuilder endpoint, Action<OpenApiOperation> describe) =>
        endpoint.Transform((o, _) => describe(o));

    static RouteHandlerBuilder Transform(this RouteHandlerBuilder endpoint, Action<OpenApiOperation, OpenApiDocument> describe) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            describe(operation, context.Document!);
            return Task.CompletedTask;
        });
}
