using System.Diagnostics.Metrics;
using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Telemetry;

/// <summary>
/// Gauges of where the applications are, from the coordinator list's index (<see cref="ReadModel.PageAsync"/>,
/// the same query the dashboard pages with). An observation answers from the last count and starts a new
/// count in the background when that is older than <see cref="TelemetryOptions.GaugeRefresh"/>, so an
/// export never waits on storage and storage is read at most once per interval, only while a metrics
/// exporter observes.
/// </summary>
/// <remarks>
/// On a meter from <see cref="IMeterFactory"/>, not the static one: the callbacks hold this host's read model,
/// and the meter (with its instruments) goes when the host's container does.
/// </remarks>
public sealed class ApplicationGauges : IDisposable
{
    // Plus one row to see a next page: within the 1000 rows Table storage answers at most.
    const int PageSize = 500;

    readonly ReadModel readModel;
    readonly TimeProvider time;
    readonly TimeSpan refresh;
    readonly ILogger<ApplicationGauges> log;
    readonly Meter meter;
    readonly Lock gate = new();
    Snapshot? last;
    DateTimeOffset started = DateTimeOffset.MinValue;
    bool counting;

    public ApplicationGauges(IMeterFactory meters, ReadModel readModel, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<ApplicationGauges> log)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        this.readModel = readModel;
        this.time = time;
        this.log = log;
        refresh = options.Value.GaugeRefresh;
        meter = meters.Create(ExperimentenTelemetry.Name);
        meter.CreateObservableGauge("experimenten.applications", () => Observe(s => s.PerStage), "{application}",
            "Applications per stage (read from the list index at most once per refresh interval).");
        meter.CreateObservableGauge("experimenten.deadlines.running", () => Observe(s => [new(s.Running)]), "{deadline}",
            "Open applications waiting on a deadline: each is a running durable timer.");
        meter.CreateObservableGauge("experimenten.deadlines.overdue", () => Observe(s => [new(s.Overdue)]), "{deadline}",
            "Open applications whose deadline has passed.");
    }

    public void Dispose() => meter.Dispose();

    IEnumerable<Measurement<long>> Observe(Func<Snapshot, IEnumerable<Measurement<long>>> pick)
    {
        Snapshot? current;
        lock (gate)
        {
            current = last;
            var now = time.GetUtcNow();
            if (!counting && now - started >= refresh)
            {
                counting = true;
                started = now;
                _ = Task.Run(CountAsync);
            }
        }

        return current is null ? [] : pick(current);
    }

    async Task CountAsync()
    {
        try
        {
            var now = time.GetUtcNow();
            var perStage = Enum.GetValues<Stage>().ToDictionary(s => s, _ => 0L);
            long running = 0, overdue = 0;
            string? continuation = null;
            do
            {
                var (items, next) = await readModel.PageAsync(null, null, false, now, PageSize, continuation, CancellationToken.None);
                foreach (var view in items)
                {
                    perStage[view.Stage]++;
                    if (!view.Stage.IsFinal() && view.NextDeadline is { } deadline)
                    {
                        running++;
                        overdue += deadline < now ? 1 : 0;
                    }
                }

                continuation = next;
            }
            while (continuation is not null);

            var snapshot = new Snapshot(
                [.. perStage.Select(p => new Measurement<long>(p.Value, KeyValuePair.Create<string, object?>(ExperimentenTelemetry.StageTag, p.Key.ToString())))],
                running,
                overdue);
            lock (gate)
            {
                last = snapshot;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage unreachable: the gauges keep their last values; the next interval tries again.
            Logs.GaugesFailed(log, e.GetType().Name);
        }
        finally
        {
            lock (gate)
            {
                counting = false;
            }
        }
    }

    sealed record Snapshot(IReadOnlyList<Measurement<long>> PerStage, long Running, long Overdue);
}
