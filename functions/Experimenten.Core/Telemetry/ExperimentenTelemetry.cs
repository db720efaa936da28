using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Experimenten.Telemetry;

/// <summary>
/// The names of the product's own telemetry, and the one <see cref="ActivitySource"/> and <see cref="Meter"/>
/// both hosts record with. Nothing here is exported unless a host configures an exporter.
/// </summary>
public static class ExperimentenTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Experimenten";

    /// <summary>
    /// On every span of an application's work. The durable boundary does not carry the trace (orchestration
    /// inputs stay as they are), so this is how one query finds the request, the activities and their calls.
    /// The id is random, not personal data.
    /// </summary>
    public const string ApplicationIdTag = "experimenten.application_id";

    /// <summary>The activity (durable task) a span runs.</summary>
    public const string ActivityTag = "experimenten.activity";

    /// <summary>The durable instance that scheduled the activity.</summary>
    public const string InstanceTag = "experimenten.instance_id";

    /// <summary>The <see cref="Email.EmailKind"/> of an email span; never an address.</summary>
    public const string EmailKindTag = "experimenten.email.kind";

    /// <summary>The tag of the email metrics: the <see cref="Email.EmailKind"/> name.</summary>
    public const string KindTag = "kind";

    /// <summary>The tag of the per-stage gauge: the <see cref="Domain.Stage"/> name.</summary>
    public const string StageTag = "stage";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Marks the current span (a request, an activity) as work on this application.</summary>
    public static void TagApplication(string applicationId) =>
        Activity.Current?.SetTag(ApplicationIdTag, applicationId);
}
