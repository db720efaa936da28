namespace Experimenten.Http;

// What the applicant actions answer. Named, so the OpenAPI document describes the very types the handlers send.

/// <param name="Stage">The stage when the withdrawal was asked; the application moves on to Withdrawn shortly after.</param>
/// <param name="Requested">Always <c>withdraw</c>.</param>
public sealed record WithdrawalAccepted(string Id, string Stage, string Requested);

/// <param name="Role"><c>resident</c> or <c>welfare</c>.</param>
public sealed record HandOverAccepted(string Id, string Role, string Name, string Email);
