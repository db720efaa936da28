namespace Experimenten.Email;

/// <summary>A composed email, ready for SendGrid or the local outbox.</summary>
public sealed record EmailMessage(
    string Key,
    string ApplicationId,
    string To,
    string ToName,
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<string> Links);
