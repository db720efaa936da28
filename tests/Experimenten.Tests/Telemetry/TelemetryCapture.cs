using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Experimenten.Tests.Telemetry;

/// <summary>
/// The in-memory exporter for all three signals, as one more exporter of the host: it sees what OTLP,
/// the console or Azure Monitor would be handed.
/// </summary>
public sealed class TelemetryCapture
{
    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public LockedCollection<LogRecord> Logs { get; } = new();

    public void AddTo(IServiceCollection services) => services.AddOpenTelemetry()
        .WithTracing(t => t.AddInMemoryExporter(Spans))
        .WithMetrics(m => m.AddInMemoryExporter(Metrics))
        .WithLogging(l => l.AddInMemoryExporter(Logs));

    /// <summary>Collects the metrics now (they are otherwise read once a minute).</summary>
    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    /// <summary>The exporters add from the host's threads while a test reads.</summary>
    public sealed class LockedCollection<T> : ICollection<T>
    {
        readonly List<T> items = [];

        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public IReadOnlyList<T> Snapshot()
        {
            lock (items)
            {
                return [.. items];
            }
        }

        public void Add(T item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (items)
            {
                return items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items)
            {
                items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
