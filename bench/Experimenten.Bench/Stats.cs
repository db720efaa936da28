namespace Experimenten.Bench;

static class Stats
{
    /// <summary>The nearest-rank percentile of an ascending array; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
