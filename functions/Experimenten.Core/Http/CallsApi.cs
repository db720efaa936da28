using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary><c>GET /api/calls</c>: open calls and those that closed within the last two years.</summary>
public sealed class CallsApi(CallCatalog catalog, TimeProvider time)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        var now = time.GetUtcNow();
        var calls = (await catalog.GetAsync(cancellationToken)).Calls
            .Where(c => c.ClosesAt > now.AddYears(-2) || c.IsOpenAt(now))
            .OrderByDescending(c => c.IsOpenAt(now))
            .ThenBy(c => c.ClosesAt)
            .Select(c => new CallSummary(c.Id, c.Title.For(lang), c.Description.For(lang), c.Fund, c.Partners, c.OpensAt, c.ClosesAt, c.MaxBudget, c.IsOpenAt(now)));
        return Results.Json(calls.ToList());
    }
}

public sealed record CallSummary(string Id, string Title, string Description, string Fund, IReadOnlyList<string> Partners, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, long MaxBudget, bool IsOpen);
