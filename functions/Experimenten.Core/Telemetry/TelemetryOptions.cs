using System.ComponentModel.DataAnnotations;

namespace Experimenten.Telemetry;

/// <summary>Where telemetry goes. Without an exporter nothing is collected at all.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>OTLP base address (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> does the same).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Traces, metrics and logs to standard output, for a look on a developer's machine.</summary>
    public bool Console { get; set; }

    /// <summary>How often the gauges read the read model at most: the list index, page by page.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Telemetry:OtlpEndpoint must be an absolute http or https address.", [nameof(OtlpEndpoint)]);
        }
    }
}
