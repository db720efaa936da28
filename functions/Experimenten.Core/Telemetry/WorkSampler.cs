using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Experimenten.Telemetry;

/// <summary>
/// Records the work — requests, activities and every call made inside them — and leaves out the durable
/// runtime's own polling: a storage or HTTP call that starts a trace of its own is a queue poll or the
/// worker's stream to the sidecar, several a second, with nothing to learn from.
/// </summary>
public sealed class WorkSampler : Sampler
{
    static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId != default)
        {
            return samplingParameters.ParentContext.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? Keep : Drop;
        }

        if (samplingParameters.Kind == ActivityKind.Client)
        {
            return Drop;
        }

        // Azure SDK operations name their service in az.namespace from the start.
        foreach (var tag in samplingParameters.Tags ?? [])
        {
            if (tag.Key == "az.namespace")
            {
                return Drop;
            }
        }

        return Keep;
    }
}
