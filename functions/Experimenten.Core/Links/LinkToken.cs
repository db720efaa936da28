using System.Text.Json.Serialization;

namespace Experimenten.Links;

/// <summary>The claims inside a signed link.</summary>
/// <param name="Purpose">What the link may be used for.</param>
/// <param name="ApplicationId">The application it belongs to.</param>
/// <param name="Subject">Who it was sent to (a reviewer id, a contact role), empty if nobody in particular.</param>
/// <param name="Round">Review round or report number; 0 where it does not apply.</param>
/// <param name="ExpiresAt">After this moment the link is refused.</param>
/// <param name="Gen">
/// For a contact's links: how many hand-overs of that role there had been when it was minted. A hand-over
/// counts one up, so every link of the previous contact stops working. Left out of the token when 0, so
/// links from before this claim existed keep their meaning.
/// </param>
public sealed record LinkToken(
    LinkPurpose Purpose,
    string ApplicationId,
    string Subject,
    int Round,
    DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Gen = 0);
