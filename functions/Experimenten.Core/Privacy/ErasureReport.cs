namespace Experimenten.Privacy;

/// <summary>
/// What an erasure deleted, by place, so a coordinator (and a test) can see it was everything. Holds no personal data.
/// </summary>
/// <param name="Found">False when there was no application to erase (erased before, or never there): nothing was done.</param>
/// <param name="Instances">The durable instances purged (lifecycle, review rounds, report cycles, retention).</param>
/// <param name="Rows">Rows deleted per table (application-scoped tables and the mail tables).</param>
/// <param name="IndexRows">Rows deleted from the coordinator list's day tables.</param>
/// <param name="Files">Plan and report files deleted.</param>
public sealed record ErasureReport(string ApplicationId, bool Found, IReadOnlyList<string> Instances, IReadOnlyDictionary<string, int> Rows, int IndexRows, int Files)
{
    public static ErasureReport NotFound(string applicationId) => new(applicationId, false, [], new Dictionary<string, int>(), 0, 0);

    public int TotalRows => Rows.Values.Sum() + IndexRows;
}
