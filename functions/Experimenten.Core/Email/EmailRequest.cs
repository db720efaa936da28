using Experimenten.Domain;

namespace Experimenten.Email;

/// <summary>
/// What the orchestrator asks the <c>SendEmail</c> activity to send. It holds facts, not text and no links:
/// the activity composes the message and mints the signed links, so no token is ever written to history.
/// </summary>
public sealed record EmailRequest(
    string ApplicationId,
    EmailKind Kind,
    int Round,
    Recipient To,
    EmailFacts Facts)
{
    /// <summary>Stable per application, stage, round and recipient: a retried activity never sends twice.</summary>
    public string Key => $"{ApplicationId}|{Kind}|r{Round}|{To.Key}";
}

/// <param name="Key">Who this is within the application: resident, welfare, reviewer:{id}, coordinator.</param>
public sealed record Recipient(string Key, string Name, string Email, string Language);

/// <summary>The facts a message may mention; each kind uses the ones it needs.</summary>
public sealed record EmailFacts(
    string Title,
    string InitiativeName,
    string CallTitle,
    long BudgetRequested,
    IReadOnlyList<ScreeningFailure>? Failures = null);
