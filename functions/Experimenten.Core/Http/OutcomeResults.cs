using Experimenten.Commands;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>A command's refusal as RFC 7807 problem details: the one mapping of refusal kinds to HTTP statuses.</summary>
public static class OutcomeResults
{
    public static int StatusOf(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Status ?? refusal.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.WrongStage => StatusCodes.Status409Conflict,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status403Forbidden,
        };
    }

    public static IResult Problem(Refusal refusal) =>
        Problems.Create(StatusOf(refusal), refusal.Code, refusal.Title, refusal.Detail, refusal.Errors.Count > 0 ? new Dictionary<string, string[]>(refusal.Errors) : null,
            refusal.Extensions is null ? null : new Dictionary<string, object?>(refusal.Extensions));
}
