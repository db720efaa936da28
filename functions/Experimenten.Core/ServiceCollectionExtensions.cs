using Experimenten.Activities;
using Experimenten.Coordinator;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Health;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Orchestrations;
using Experimenten.Pages;
using Experimenten.Storage;
using Experimenten.Submission;
using Experimenten.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Experimenten;

/// <summary>Registers the whole workflow core; each host adds only its runtime.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentenCore(this IServiceCollection services)
    {
        services.AddOptions<LinksOptions>().BindConfiguration(LinksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Both hosts refuse to start with a guessable link key (an unresolved Key Vault reference above all).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinksOptions>, SigningKeyValidator>());
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddOptions<FundOptions>().BindConfiguration(FundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        // Resolved at start, so the self-host's development password (.data/coordinator.password) exists
        // from the first start, as the README says, not only after the first sign-in attempt.
        services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoordinatorOptions>, CoordinatorOptionsValidator>();

        // The coordinator's session cookie. Read explicitly by CoordinatorAuth (no middleware), so it works the
        // same on both hosts; only the name is in it, protected by ASP.NET Core data protection.
        services.AddAuthentication(CoordinatorAuth.Scheme).AddCookie(CoordinatorAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(CoordinatorAuth.Scheme).Configure<IOptions<CoordinatorOptions>>((cookie, coordinator) =>
        {
            cookie.Cookie.Name = CoordinatorAuth.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = coordinator.Value.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/" + Routes.CoordinatorSignIn;
        });

        // The keys behind those cookies and the forms' CSRF tokens live in storage (BlobKeyRing): a restart signs
        // nobody out, and every host on the same storage accepts what another one issued.
        services.AddDataProtection().SetApplicationName("Experimenten");
        services.AddOptions<KeyManagementOptions>().Configure<StorageClients>((o, clients) => o.XmlRepository = new BlobKeyRing(clients));

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.IsValid(), "Storage needs a ConnectionString or BlobServiceUri and TableServiceUri.").ValidateOnStart();

        // Before any logger is made: no framework category may write a URL with a token in it.
        UrlFreeLoggerFactory.Register(services);
        services.AddSingleton(TimeProvider.System);
        services.AddLocalization();
        services.AddSingleton(sp => new Formatting(
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<FundOptions>>().Value.TimeZone),
            sp.GetRequiredService<IStringLocalizer<SharedText>>()));
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageInitializer>();

        // Calls and the review panel live in storage, edited by coordinators; the seeds only import the first ones.
        services.AddSingleton<Calls.CallStore>();
        services.AddSingleton<Calls.PanelStore>();
        services.AddSingleton<CallCatalog>();
        services.AddSingleton<Calls.SeedImport>();
        services.AddSingleton<Calls.CallCommands>();
        services.AddSingleton<Calls.PanelCommands>();
        services.AddSingleton<CallsAdminApi>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<ReadModel>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<TextStore>();
        services.AddSingleton<Activities.TimelineReferences>();
        services.AddSingleton<EmailPreparation>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<OutboxTransport>();
        services.AddSingleton<Readiness>();
        services.AddExperimentenHealth();
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var options = new SendGridClientOptions { ApiKey = o.ApiKey };
            if (!string.IsNullOrWhiteSpace(o.Host))
            {
                options.Host = o.Host;
            }
            else if (o.DataResidency == "eu")
            {
                options.SetDataResidency("eu");
            }

            return new SendGridClient(options);
        });
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<SendGridTransport>(sp)
            : sp.GetRequiredService<OutboxTransport>());

        services.AddSingleton<RateLimits>();
        services.AddSingleton<SubmissionParser>();
        services.AddSingleton<Commands.Applicant.SubmissionService>();
        services.AddSingleton<SubmissionHandler>();
        services.AddSingleton<ApplicantApi>();
        services.AddSingleton<CallsApi>();
        services.AddSingleton<Pages.Applicant.StatusPages>();
        services.AddSingleton<Pages.Applicant.FormHandler>();
        services.AddSingleton<Experimenten.Commands.Reviewer.ReviewRefusals>();
        services.AddSingleton<Experimenten.Commands.Reviewer.ReviewDecisions>();
        services.AddSingleton<Experimenten.Pages.Reviewer.ReviewerPages>();
        services.AddSingleton<Commands.Applicant.UploadRefusals>();
        services.AddSingleton<Commands.Applicant.Uploads>();
        services.AddSingleton<Pages.Applicant.UploadPages>();
        services.AddSingleton<Commands.Applicant.ApplicantCommands>();
        services.AddSingleton<ApplicantActions>();
        services.AddSingleton<CoordinatorAuth>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInPage>();
        services.AddSingleton<Experimenten.Commands.Coordinator.CoordinatorActions>();
        services.AddSingleton<CoordinatorApi>();

        // AVG: export, erasure (also for the retention orchestration), the audit log, data requests, statistics.
        services.AddSingleton<Privacy.ApplicationTraces>();
        services.AddSingleton<Privacy.ApplicationExport>();
        services.AddSingleton<Privacy.ApplicationErasure>();
        services.AddSingleton<Privacy.StatisticsStore>();
        services.AddSingleton<Privacy.AuditLog>();
        services.AddSingleton<Privacy.DataRequests>();
        services.AddSingleton<Experimenten.Commands.Coordinator.PrivacyActions>();
        services.AddSingleton<Commands.Applicant.DataRequestCommands>();
        services.AddSingleton<CoordinatorPages>();
        services.AddSingleton<Pages.Calls.CallPages>();

        // Activities resolve their services from DI on both hosts.
        services.AddTransient<SendEmail>();
        services.AddTransient<Advance>();
        services.AddTransient<RecordProgress>();
        services.AddTransient<RecordNote>();
        services.AddTransient<RecordReviewers>();
        services.AddTransient<ChooseReviewers>();
        services.AddTransient<RecordReport>();
        services.AddTransient<CloseRound>();
        services.AddTransient<StartRetention>();
        services.AddTransient<EraseApplication>();
        return services;
    }

    /// <summary>The orchestrators and activities, for the Durable Task SDK worker (self-host).</summary>
    public static DurableTaskRegistry AddExperimentenTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ApplicationLifecycle>();
        registry.AddOrchestrator<ReviewRound>();
        registry.AddOrchestrator<ReportCycle>();
        registry.AddOrchestrator<Retention>();
        registry.AddActivity<SendEmail>();
        registry.AddActivity<Advance>();
        registry.AddActivity<RecordProgress>();
        registry.AddActivity<RecordNote>();
        registry.AddActivity<RecordReviewers>();
        registry.AddActivity<ChooseReviewers>();
        registry.AddActivity<RecordReport>();
        registry.AddActivity<CloseRound>();
        registry.AddActivity<StartRetention>();
        registry.AddActivity<EraseApplication>();
        return registry;
    }
}
