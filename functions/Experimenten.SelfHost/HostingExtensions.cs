using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Experimenten.Coordinator;
using Experimenten.Development;
using Experimenten.Email;
using Experimenten.Health;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Pages;
using Experimenten.Pages.Applicant;
using Experimenten.Pages.Calls;
using Experimenten.SelfHost;
using Experimenten.SelfHost.Durable;
using Experimenten.SelfHost.OpenApi;
using Experimenten.Storage;
using Experimenten.Submission;
using Experimenten.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Experimenten;

/// <summary>Everything the self-host registers and maps, in one place.</summary>
public static class HostingExtensions
{
    /// <param name="tasks">Extra orchestrators and activities (benchmarks add a bare baseline); the product's are always there.</param>
    public static WebApplicationBuilder AddSelfHost(this WebApplicationBuilder builder, Action<DurableTaskRegistry>? tasks = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddExperimentenCore();
        builder.AddExperimentenTelemetry();
        services.AddOptions<SelfHostOptions>().BindConfiguration(SelfHostOptions.Section);
        var dataFolder = LocalSecret.FolderFor(builder.Configuration.GetSection(SelfHostOptions.Section).Get<SelfHostOptions>()?.DataPath, builder.Environment);
        services.AddLocalSecrets(dataFolder);
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddExperimentenOpenApi();
        services.AddForwardedHeadersFromTrustedProxies(builder.Configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);

            // Behind a proxy the host name is the public one; a loopback name here is a test or a trial, not a reason to skip.
            o.ExcludedHosts.Clear();
        });

        // Only our own names: a page on another site that rebinds its DNS name to this host gets a 400.
        var publicHost = new Uri(builder.Configuration[$"{LinksOptions.Section}:BaseUrl"] ?? new LinksOptions().BaseUrl).Host;
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            if (o.AllowedHosts is null || o.AllowedHosts.Count == 0 || o.AllowedHosts is ["*"])
            {
                o.AllowedHosts = [.. new[] { publicHost, "localhost", "127.0.0.1", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase)];
            }
        });

        // The core's limiter, so this host and the Functions worker count the same way (see RateLimits).
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((o, limits) =>
        {
            o.GlobalLimiter = limits.Limiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => new ValueTask(limits.RejectAsync(rejected.HttpContext, rejected.Lease));
        });
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = SubmissionLimits.MaxBodyBytes + (1024 * 1024));

        // The sidecar address must be known before the worker and client are built.
        var durable = builder.Configuration.GetSection(DurableOptions.Section).Get<DurableOptions>() ?? new DurableOptions();
        var port = durable.SidecarPort != 0 ? durable.SidecarPort : FreeLoopbackPort();
        services.PostConfigure<DurableOptions>(o => o.SidecarPort = port);
        var address = $"http://127.0.0.1:{port}";

        // Order matters: the runtime (sidecar) starts before the worker that connects to it.
        services.AddSingleton(_ => new FrontDoor());
        services.AddHostedService<EmbeddedDurableRuntime>();
        services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(address);

            // docs/upgrades.md: new instances on the current version; this host runs that and older, and leaves newer ones to a newer host.
            b.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = OrchestrationVersions.Current,
                DefaultVersion = OrchestrationVersions.Current,
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            });
            b.AddTasks(r =>
            {
                r.AddExperimentenTasks();
                tasks?.Invoke(r);
            });
        });
        services.AddDurableTaskClient(b => b.UseGrpc(address).UseDefaultVersion(OrchestrationVersions.Current));
        services.AddSingleton<IDurableRuntimeProbe, SidecarProbe>();
        services.AddHostedService<SeedLoader>();
        return builder;
    }

    public static WebApplication MapExperimenten(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<SelfHostOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only (behind a TLS proxy once the forwarded headers are in).
            app.UseHsts();
        }

        app.UseRedactedRequestLog();
        app.UseExceptionHandler();

        // Before the endpoints, so a refused request never reaches the front door, storage or email.
        app.UseRateLimiter();
        app.MapGet("/" + Routes.Health, HealthApi.Alive);
        app.MapGet("/" + Routes.Ready, (HealthApi health, CancellationToken ct) => health.ReadyAsync(ct));
        app.MapExperimentenOpenApi();
        app.MapGet("/" + Routes.Calls, (HttpRequest req, CallsApi api, CancellationToken ct) => api.ListAsync(req, ct)).DescribeListCalls();
        app.MapPost("/" + Routes.Applications, (HttpRequest req, SubmissionHandler h, DurableTaskClient c, CancellationToken ct) => h.HandleAsync(req, c, ct))
            .DisableAntiforgery().AheadOfBackground().DescribeSubmitApplication();
        app.MapGet("/" + Routes.Application, (HttpRequest req, string id, ApplicantApi api, CancellationToken ct) => api.GetAsync(req, id, ct)).DescribeGetApplication();
        app.MapGet("/" + Routes.Status, (HttpRequest req, string token, Experimenten.Pages.Applicant.StatusPages page, CancellationToken ct) => page.GetAsync(req, token, ct));
        app.MapPost("/" + Routes.StatusWithdraw, (HttpRequest req, string token, Experimenten.Pages.Applicant.StatusPages page, DurableTaskClient c, CancellationToken ct) => page.WithdrawAsync(req, token, c, ct)).DisableAntiforgery();
        app.MapPost("/" + Routes.StatusContact, (HttpRequest req, string token, Experimenten.Pages.Applicant.StatusPages page, DurableTaskClient c, CancellationToken ct) => page.ChangeContactAsync(req, token, c, ct)).DisableAntiforgery();
        app.MapPost("/" + Routes.StatusDataRequest, (HttpRequest req, string token, Experimenten.Pages.Applicant.StatusPages page, CancellationToken ct) => page.DataRequestAsync(req, token, ct)).DisableAntiforgery();
        app.MapGet("/" + Routes.Asset, (string name) => Assets.Get(name));
        app.MapGet("/", (HttpRequest req, Experimenten.Pages.Applicant.FormHandler page, CancellationToken ct) => page.GetAsync(req, ct));

        // Signed links from email: GET shows a page, only POST acts.
        app.MapGet("/" + Routes.Review, (HttpRequest req, string token, Experimenten.Pages.Reviewer.ReviewerPages p, CancellationToken ct) => p.GetAsync(req, token, ct));
        app.MapPost("/" + Routes.Review, (HttpRequest req, string token, Experimenten.Pages.Reviewer.ReviewerPages p, DurableTaskClient c, CancellationToken ct) => p.PostAsync(req, token, c, ct)).DisableAntiforgery();
        app.MapGet("/" + Routes.Plan, (HttpRequest req, string token, Experimenten.Pages.Reviewer.ReviewerPages p, PlanStore plans, CancellationToken ct) => p.PlanAsync(req, token, plans, ct));
        app.MapGet("/" + Routes.Revision, (HttpRequest req, string token, UploadPages p, CancellationToken ct) => p.GetRevisionAsync(req, token, ct));
        app.MapPost("/" + Routes.Revision, (HttpRequest req, string token, UploadPages p, DurableTaskClient c, CancellationToken ct) => p.PostRevisionAsync(req, token, c, ct)).DisableAntiforgery().AheadOfBackground(LinkPurpose.Revision);
        app.MapGet("/" + Routes.Report, (HttpRequest req, string token, UploadPages p, CancellationToken ct) => p.GetReportAsync(req, token, ct));
        app.MapPost("/" + Routes.Report, (HttpRequest req, string token, UploadPages p, DurableTaskClient c, CancellationToken ct) => p.PostReportAsync(req, token, c, ct)).DisableAntiforgery().AheadOfBackground(LinkPurpose.Report);
        app.MapPost("/" + Routes.Withdraw, (HttpRequest req, string id, ApplicantActions a, DurableTaskClient c, CancellationToken ct) => a.WithdrawAsync(req, id, c, ct)).DisableAntiforgery().DescribeWithdraw();
        app.MapPost("/" + Routes.Contacts, (HttpRequest req, string id, ApplicantActions a, DurableTaskClient c, CancellationToken ct) => a.ChangeContactAsync(req, id, c, ct)).DisableAntiforgery().DescribeHandOver();

        // Coordinators (authenticated inside CoordinatorApi).
        app.MapGet("/" + Routes.CoordinatorList, (HttpRequest req, CoordinatorApi api, CancellationToken ct) => api.ListAsync(req, ct)).DescribeCoordinatorList();
        app.MapGet("/" + Routes.CoordinatorDetail, (HttpRequest req, string id, CoordinatorApi api, CancellationToken ct) => api.DetailAsync(req, id, ct)).DescribeCoordinatorDetail();
        app.MapPost("/" + Routes.CoordinatorDeadline, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.ExtendDeadlineAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorDeadline();
        app.MapPost("/" + Routes.CoordinatorRemind, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.RemindAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorRemind();
        app.MapPost("/" + Routes.CoordinatorReassign, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.ReassignAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorReassign();
        app.MapPost("/" + Routes.CoordinatorContacts, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.ChangeContactAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorContacts();
        app.MapPost("/" + Routes.CoordinatorCancel, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.CancelAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorCancel();
        app.MapPost("/" + Routes.CoordinatorReportAccept, (HttpRequest req, string id, int number, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.JudgeReportAsync(req, id, number, true, c, ct)).DisableAntiforgery().DescribeCoordinatorReport(accept: true);
        app.MapPost("/" + Routes.CoordinatorReportChanges, (HttpRequest req, string id, int number, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.JudgeReportAsync(req, id, number, false, c, ct)).DisableAntiforgery().DescribeCoordinatorReport(accept: false);
        app.MapPost("/" + Routes.CoordinatorExport, (HttpRequest req, string id, CoordinatorApi api, CancellationToken ct) => api.ExportAsync(req, id, ct)).DisableAntiforgery().DescribeCoordinatorExport();
        app.MapPost("/" + Routes.CoordinatorErase, (HttpRequest req, string id, CoordinatorApi api, DurableTaskClient c, CancellationToken ct) => api.EraseAsync(req, id, c, ct)).DisableAntiforgery().DescribeCoordinatorErase();
        app.MapGet("/" + Routes.CoordinatorDataRequests, (HttpRequest req, CoordinatorApi api, CancellationToken ct) => api.DataRequestsAsync(req, ct)).DescribeCoordinatorDataRequests();
        app.MapPost("/" + Routes.CoordinatorDataRequestHandled, (HttpRequest req, string id, string key, CoordinatorApi api, CancellationToken ct) => api.HandleDataRequestAsync(req, id, key, ct)).DisableAntiforgery().DescribeCoordinatorDataRequestHandled();
        app.MapGet("/" + Routes.CoordinatorAudit, (HttpRequest req, CoordinatorApi api, CancellationToken ct) => api.AuditAsync(req, ct)).DescribeCoordinatorAudit();

        // Calls and the review panel, for integrators (authenticated inside CallsAdminApi).
        app.MapGet("/" + Routes.CoordinatorCalls, (HttpRequest req, CallsAdminApi api, CancellationToken ct) => api.ListCallsAsync(req, ct)).DescribeCoordinatorCalls();
        app.MapPost("/" + Routes.CoordinatorCalls, (HttpRequest req, CallsAdminApi api, CancellationToken ct) => api.CreateCallAsync(req, ct)).DisableAntiforgery().DescribeCoordinatorCreateCall();
        app.MapPost("/" + Routes.CoordinatorCallPreview, (HttpRequest req, CallsAdminApi api, CancellationToken ct) => api.PreviewCallAsync(req, ct)).DisableAntiforgery().DescribeCoordinatorPreviewCall();
        app.MapGet("/" + Routes.CoordinatorCall, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.GetCallAsync(req, id, ct)).DescribeCoordinatorCall();
        app.MapPut("/" + Routes.CoordinatorCall, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.ChangeCallAsync(req, id, ct)).DisableAntiforgery().DescribeCoordinatorChangeCall();
        app.MapPost("/" + Routes.CoordinatorCallOpen, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.ChangeCallWindowAsync(req, id, true, ct)).DisableAntiforgery().DescribeCoordinatorCallWindow(open: true);
        app.MapPost("/" + Routes.CoordinatorCallClose, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.ChangeCallWindowAsync(req, id, false, ct)).DisableAntiforgery().DescribeCoordinatorCallWindow(open: false);
        app.MapGet("/" + Routes.CoordinatorCallHistory, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.CallHistoryAsync(req, id, ct)).DescribeCoordinatorCallHistory();
        app.MapGet("/" + Routes.CoordinatorReviewers, (HttpRequest req, CallsAdminApi api, CancellationToken ct) => api.ListReviewersAsync(req, ct)).DescribeCoordinatorReviewers();
        app.MapPost("/" + Routes.CoordinatorReviewers, (HttpRequest req, CallsAdminApi api, CancellationToken ct) => api.SaveReviewerAsync(req, null, ct)).DisableAntiforgery().DescribeCoordinatorSaveReviewer(create: true);
        app.MapPut("/" + Routes.CoordinatorReviewer, (HttpRequest req, string id, CallsAdminApi api, CancellationToken ct) => api.SaveReviewerAsync(req, id, ct)).DisableAntiforgery().DescribeCoordinatorSaveReviewer(create: false);
        app.MapPost("/" + Routes.CoordinatorReviewerStatus, (HttpRequest req, string id, string status, CallsAdminApi api, DurableTaskClient c, CancellationToken ct) => api.ChangeReviewerStatusAsync(req, id, status, c, ct)).DisableAntiforgery().DescribeCoordinatorReviewerStatus();

        // The coordinator's pages (authenticated inside CoordinatorPages; their forms carry a CSRF token).
        app.MapGet("/" + Routes.CoordinatorSignIn, (HttpRequest req, SignInPage p) => p.GetAsync(req));
        app.MapPost("/" + Routes.CoordinatorSignIn, (HttpRequest req, SignInPage p) => p.PostAsync(req)).DisableAntiforgery();
        app.MapPost("/" + Routes.CoordinatorSignOut, (HttpRequest req, SignInPage p) => p.SignOutAsync(req)).DisableAntiforgery();
        app.MapGet("/" + Routes.CoordinatorDashboard, (HttpRequest req, CoordinatorPages p, CancellationToken ct) => p.ListAsync(req, ct));
        app.MapGet("/" + Routes.CoordinatorRows, (HttpRequest req, CoordinatorPages p, CancellationToken ct) => p.RowsAsync(req, ct));
        app.MapGet("/" + Routes.CoordinatorPage, (HttpRequest req, string id, CoordinatorPages p, CancellationToken ct) => p.DetailAsync(req, id, ct));
        app.MapPost("/" + Routes.CoordinatorPageAction, (HttpRequest req, string id, string action, CoordinatorPages p, DurableTaskClient c, CancellationToken ct) => p.ActAsync(req, id, action, c, ct)).DisableAntiforgery();
        app.MapPost("/" + Routes.CoordinatorPageReport, (HttpRequest req, string id, int number, string verdict, CoordinatorPages p, DurableTaskClient c, CancellationToken ct) => p.JudgeReportAsync(req, id, number, verdict, c, ct)).DisableAntiforgery();

        // Calls and the review panel (authenticated inside CallPages, like the pages above), and a call's public page.
        app.MapGet("/" + Routes.CoordinatorCallsPage, (HttpRequest req, CallPages p, CancellationToken ct) => p.ListAsync(req, ct));
        app.MapGet("/" + Routes.CoordinatorCallNewPage, (HttpRequest req, CallPages p, CancellationToken ct) => p.NewAsync(req, ct));
        app.MapGet("/" + Routes.CoordinatorCallPage, (HttpRequest req, string id, CallPages p, CancellationToken ct) => p.DetailAsync(req, id, ct));
        app.MapPost("/" + Routes.CoordinatorCallPageAction, (HttpRequest req, string id, string action, CallPages p, CancellationToken ct) => p.ActAsync(req, id, action, ct)).DisableAntiforgery();
        app.MapGet("/" + Routes.CoordinatorReviewersPage, (HttpRequest req, CallPages p, CancellationToken ct) => p.ReviewersAsync(req, ct));
        app.MapGet("/" + Routes.CoordinatorReviewerPage, (HttpRequest req, string id, CallPages p, CancellationToken ct) => p.ReviewerAsync(req, id, ct));
        app.MapPost("/" + Routes.CoordinatorReviewerPageAction, (HttpRequest req, string id, string action, CallPages p, DurableTaskClient c, CancellationToken ct) => p.ReviewerActAsync(req, id, action, c, ct)).DisableAntiforgery();
        app.MapGet("/" + Routes.CallPage, (HttpRequest req, string id, CallPages p, CancellationToken ct) => p.PublicAsync(req, id, ct));

        // The outbox holds every signed link: only for a developer at their own machine.
        if (!app.Services.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled && app.Environment.IsDevelopment() && DevMail.ListensOnLoopbackOnly(app.Configuration))
        {
            app.MapDevMail();
        }

        return app;
    }

    /// <summary>
    /// One line per request, outermost so it sees the final status. The path and query go through
    /// <see cref="PublicRoutes.Redact"/>: link tokens must not reach a log (design §4).
    /// </summary>
    static void UseRedactedRequestLog(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Experimenten.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                // A load balancer probes every few seconds: only a probe that fails is worth a line.
                if (log.IsEnabled(LogLevel.Information) && !(IsProbe(context.Request.Path) && context.Response.StatusCode < 400))
                {
                    SelfHostLogs.RequestFinished(log, context.Request.Method, PublicRoutes.Redact(context.Request.Path, context.Request.QueryString),
                        context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }

    static bool IsProbe(PathString path) => path == "/" + Routes.Health || path == "/" + Routes.Ready;

    /// <summary>
    /// Uploads go through the <see cref="FrontDoor"/>, so background durable work steps aside while they come in; only
    /// plausible ones (<see cref="PlausibleUpload"/>). An endpoint filter runs after the rate limiter, so a refused
    /// flood never gets this far either.
    /// </summary>
    static RouteHandlerBuilder AheadOfBackground(this RouteHandlerBuilder endpoint, LinkPurpose? purpose = null) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            using var visit = PlausibleUpload.Counts(context.HttpContext.Request, services.GetRequiredService<LinkSigner>(), purpose)
                ? services.GetRequiredService<FrontDoor>().Enter()
                : null;
            return await next(context);
        });

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
