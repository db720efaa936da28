using System.ComponentModel;

namespace Experimenten.SelfHost.OpenApi;

// The JSON bodies the actions read. The handlers read flat fields (RequestFields), so these records exist for the
// document only; each names the fields its handler reads. Every action also takes {} where no field is needed.

public sealed record WithdrawRequest([property: Description("Why, in the residents' own words (at most 1000 characters); optional.")] string? Reason);

public sealed record HandOverRequest(
    [property: Description("Your own role: `resident` or `welfare`.")] string Role,
    [property: Description("The new contact's name.")] string Name,
    [property: Description("The new contact's email address; their link goes there.")] string Email);

public sealed record DeadlineRequest(
    [property: Description("The new deadline, ISO 8601 with offset, in the future.")] DateTimeOffset Deadline,
    [property: Description("Why (at most 500 characters); recorded in the timeline.")] string Reason);

public sealed record ReassignRequest(
    [property: Description("The id of a reviewer in the current round who has not decided yet.")] string From,
    [property: Description("The id of a panel reviewer without a conflict of interest.")] string To);

public sealed record CancelRequest([property: Description("Why (at most 500 characters); recorded in the timeline.")] string Reason);

public sealed record ContactReplacementRequest(
    [property: Description("`resident` or `welfare`.")] string Role,
    [property: Description("The new contact's name.")] string Name,
    [property: Description("The new contact's email address.")] string Email,
    [property: Description("Why (at most 500 characters); recorded in the timeline.")] string Reason);

public sealed record ReportJudgementRequest([property: Description("What should be added; required when asking for changes.")] string? Comment);

public sealed record EraseRequest(
    [property: Description("Why (at most 500 characters); kept in the audit log, so name nobody.")] string Reason,
    [property: Description("`true`: the caller knows the erasure cannot be undone. Required.")] bool Confirm);

/// <summary>No fields: send <c>{}</c>.</summary>
public sealed record EmptyRequest;
