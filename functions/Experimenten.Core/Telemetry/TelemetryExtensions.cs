using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Experimenten.Telemetry;

/// <summary>OpenTelemetry for both hosts: what is recorded is the same; where it goes is each host's settings.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Describes the product's traces, metrics and logs, and turns them on only when something exports them:
    /// OTLP (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Telemetry:OtlpEndpoint</c>), the console
    /// (<c>Telemetry:Console</c>) or the host's own exporter. Otherwise no provider exists and nothing is collected.
    /// </summary>
    /// <param name="hostExports">The host adds an exporter of its own to the returned builder (Functions: Azure Monitor).</param>
    /// <param name="logs">Logs as OpenTelemetry records too; the Functions host already forwards the worker's logs.</param>
    /// <returns>The builder when something exports, for the host's additions; null when nothing does.</returns>
    public static OpenTelemetryBuilder? AddExperimentenTelemetry(this IHostApplicationBuilder builder, bool hostExports = false, bool logs = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApplicationGauges>();

        // Blob and table spans from the Azure SDK itself. Without a listener its source starts nothing.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        // What is recorded, for whichever provider gets built (here or by a test with its own exporter).
        services.ConfigureOpenTelemetryTracerProvider(t => t
            .AddProcessor(new RedactingProcessor())
            .SetSampler(new WorkSampler())
            .AddSource(ExperimentenTelemetry.Name, "Azure.*", "Microsoft.DurableTask")
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsGrpc(context.Request.ContentType))
            .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request =>
                !IsGrpc(request.Content?.Headers.ContentType?.MediaType) && !InsideAzureHttpSpan()));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(ExperimentenTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());

        // The gauges exist only where a meter provider is built.
        services.ConfigureOpenTelemetryMeterProvider((sp, _) => sp.GetRequiredService<ApplicationGauges>());
        services.Configure<OpenTelemetryLoggerOptions>(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp && !options.Console && !hostExports)
        {
            return null;
        }

        var otel = services.AddOpenTelemetry().WithTracing().WithMetrics();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            otel.ConfigureResource(r => r.AddService(builder.Environment.ApplicationName));
        }

        if (logs)
        {
            otel.WithLogging();
        }

        if (otlp)
        {
            if (options.OtlpEndpoint is { } endpoint)
            {
                // The standard OTEL_EXPORTER_OTLP_PROTOCOL still chooses the protocol.
                var http = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "http/protobuf";
                otel.UseOtlpExporter(http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, endpoint);
            }
            else
            {
                otel.UseOtlpExporter();
            }
        }

        if (options.Console)
        {
            otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
            if (logs)
            {
                otel.WithLogging(l => l.AddConsoleExporter());
            }
        }

        return otel;
    }

    /// <summary>The durable worker's calls to its sidecar: several a second, none of them the product's work.</summary>
    static bool IsGrpc(string? contentType) => contentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The Azure SDK records its HTTP request itself (<c>Azure.Core.Http</c>); a second span would say the same.</summary>
    static bool InsideAzureHttpSpan() =>
        Activity.Current is { } current && (current.Source.Name == "Azure.Core.Http" || current.Parent?.Source.Name == "Azure.Core.Http");
}
