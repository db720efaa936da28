using System.Net;
using System.Net.Sockets;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.Pages;
using Experimenten.SelfHost;
using Experimenten.SelfHost.Durable;
using Experimenten.Submission;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Experimenten;

/// <summary>Everything the self-host registers and maps, in one place.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddSelfHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddExperimentenCore();
        services.AddOptions<SelfHostOptions>().BindConfiguration(SelfHostOptions.Section);
        services.AddSingleton<IPostConfigureOptions<LinksOptions>, LocalSigningKey>();
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.Section);
        services.AddProblemDetails();
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = SubmissionLimits.MaxBodyBytes + (1024 * 1024));

        // The sidecar address must be known before the worker and client are built.
        var durable = builder.Configuration.GetSection(DurableOptions.Section).Get<DurableOptions>() ?? new DurableOptions();
        var port = durable.SidecarPort != 0 ? durable.SidecarPort : FreeLoopbackPort();
        services.PostConfigure<DurableOptions>(o => o.SidecarPort = port);
        var address = $"http://127.0.0.1:{port}";

        // Order matters: the runtime (sidecar) starts before the worker that connects to it.
        services.AddHostedService<EmbeddedDurableRuntime>();
        services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(address);
            b.AddTasks(r => r.AddExperimentenTasks());
        });
        services.AddDurableTaskClient(b => b.UseGrpc(address));
        services.AddHostedService<SeedLoader>();
        return builder;
    }

    public static WebApplication MapExperimenten(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.MapGet("/" + Routes.Health, (Readiness r) => r.Check());
        app.MapGet("/" + Routes.Calls, (HttpRequest req, CallsApi api) => api.List(req));
        app.MapPost("/" + Routes.Applications, (HttpRequest req, SubmissionHandler h, DurableTaskClient c, CancellationToken ct) => h.HandleAsync(req, c, ct))
            .DisableAntiforgery();
        app.MapGet("/" + Routes.Application, (HttpRequest req, string id, ApplicantApi api, CancellationToken ct) => api.GetAsync(req, id, ct));
        app.MapGet("/" + Routes.Status, (HttpRequest req, string token, StatusPage page, CancellationToken ct) => page.GetAsync(req, token, ct));
        app.MapGet("/" + Routes.Asset, (string name) => Assets.Get(name));
        app.MapGet("/", (HttpRequest req, FormPage page) => page.Get(req));

        if (!app.Services.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled)
        {
            app.MapDevMail();
        }

        return app;
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
