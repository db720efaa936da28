using Experimenten.Domain;

namespace Experimenten.Pages.Calls;

/// <summary>Whether a call takes applications at a moment: the resource key of "open", "not open yet" or "closed".</summary>
public static class CallState
{
    public static string Of(Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.IsOpenAt(now) ? "Page.State.Open" : now < call.OpensAt ? "Page.State.NotYet" : "Page.State.Closed";
    }
}
