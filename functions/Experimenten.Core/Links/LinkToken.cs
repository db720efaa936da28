namespace Experimenten.Links;

/// <summary>The claims inside a signed link.</summary>
/// <param name="Purpose">What the link may be used for.</param>
/// <param name="ApplicationId">The application it belongs to.</param>
/// <param name="Subject">Who it was sent to (a reviewer id, a contact role), empty if nobody in particular.</param>
/// <param name="Round">Review round or report number; 0 where it does not apply.</param>
/// <param name="ExpiresAt">After this moment the link is refused.</param>
public sealed record LinkToken(LinkPurpose Purpose, string ApplicationId, string Subject, int Round, DateTimeOffset ExpiresAt);
