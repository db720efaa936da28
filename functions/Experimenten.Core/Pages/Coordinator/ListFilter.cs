using System.Globalization;
using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages.Coordinator;

/// <summary>
/// The list's filters as the query carries them, for the page, its paging links and the rows its script asks
/// for. The page is forgiving where the API is strict: an unknown stage shows all, a token that is not ours
/// (edited by hand) starts at the first page.
/// </summary>
public sealed record ListFilter(string? CallId, Stage? Stage, bool Overdue, string? Continuation, int PageSize)
{
    public const int DefaultPageSize = 25;

    public static ListFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Stage? stage = Enum.TryParse<Stage>(query["stage"].ToString(), ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null;
        var continuation = query["continuationToken"].ToString() is { Length: > 0 } t && ListIndex.IsContinuation(t) ? t : null;
        var pageSize = int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 200) : DefaultPageSize;
        return new(query["callId"].ToString() is { Length: > 0 } call ? call : null, stage, query["overdue"] == "true", continuation, pageSize);
    }

    /// <summary>The same filter as a query (the language too, unless Dutch): what the script sends for fresh rows.</summary>
    public string Query(string language) => QueryString.Create(new Dictionary<string, string?>
    {
        ["callId"] = CallId,
        ["stage"] = Stage?.ToString(),
        ["overdue"] = Overdue ? "true" : null,
        ["continuationToken"] = Continuation,
        ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        ["lang"] = language == Languages.Dutch ? null : language,
    }.Where(p => p.Value is not null)).ToString();

    /// <summary>The current query with some keys replaced (null removes), for paging and the language switch.</summary>
    public static string Replace(IQueryCollection query, params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryString.Create(values.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
