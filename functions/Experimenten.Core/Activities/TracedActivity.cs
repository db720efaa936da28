using System.Diagnostics;
using Experimenten.Telemetry;
using Microsoft.DurableTask;

namespace Experimenten.Activities;

/// <summary>
/// Every activity runs in a span of its own, named after it and tagged with its application, on both hosts
/// (the Durable Task worker and the Functions trigger both call <see cref="RunAsync"/>). One activity inside
/// another (<see cref="Advance"/>) shows as a child span.
/// </summary>
public abstract class TracedActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    public sealed override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var name = GetType().Name;
        using var span = ExperimentenTelemetry.Source.StartActivity(
            name,
            ActivityKind.Internal,
            parentContext: default,
            tags:
            [
                new(ExperimentenTelemetry.ActivityTag, name),
                new(ExperimentenTelemetry.ApplicationIdTag, ApplicationId(input)),
                new(ExperimentenTelemetry.InstanceTag, context.InstanceId),
            ]);
        try
        {
            return await ExecuteAsync(context, input);
        }
        catch (Exception e)
        {
            // The type only: a message may quote a storage URL or an address.
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    /// <summary>The activity's work.</summary>
    protected abstract Task<TOutput> ExecuteAsync(TaskActivityContext context, TInput input);

    /// <summary>The application the input is about.</summary>
    protected abstract string ApplicationId(TInput input);
}
