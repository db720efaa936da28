using Experimenten.Domain;

namespace Experimenten.Email;

/// <summary>
/// What an orchestrator asks the <c>SendEmail</c> activity to send: who (a key, not an address), which kind
/// and the facts of the moment. Everything personal — the contacts, the title, the plan, what somebody
/// typed — the activity reads from the read model when it sends, so none of it is written to durable
/// history (docs/upgrades.md), and a hand-over is respected.
/// </summary>
/// <param name="To">resident, welfare, coordinator, reviewer:{id}, or former-resident / former-welfare (with <see cref="EmailMentions.Handover"/>).</param>
/// <param name="Variant">Tells apart two emails of the same kind, round and recipient (a second reminder after a new deadline).</param>
public sealed record EmailOrder(string ApplicationId, EmailKind Kind, int Round, string To, EmailMentions Mentions, string Variant = "")
{
    /// <summary>Stable per application, kind, round, recipient and variant: a retried activity never sends twice.</summary>
    public string Key => $"{ApplicationId}|{Kind}|r{Round}|{To}{(Variant.Length > 0 ? "|" + Variant : "")}";
}

/// <summary>The facts of the moment an email mentions; each kind uses the ones it needs. Ids and references only.</summary>
public sealed record EmailMentions
{
    public static readonly EmailMentions None = new();

    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<ScreeningFailure>? Failures { get; init; }

    public int ReportNumber { get; init; }

    public bool FinalReport { get; init; }

    /// <summary>A <see cref="Storage.TextStore"/> reference to the reason given (withdrawn, cancelled, deadline moved).</summary>
    public string? Reason { get; init; }

    /// <summary>The round whose reviewers' comments the email passes on.</summary>
    public int? CommentsOfRound { get; init; }

    /// <summary>A <see cref="Storage.TextStore"/> reference to the one comment the email passes on (a report's verdict).</summary>
    public string? Comment { get; init; }

    /// <summary>The hand-over an email is about: its stored former contact and new contact's name.</summary>
    public string? Handover { get; init; }

    /// <summary>Reviewer ids a coordinator's escalation names.</summary>
    public IReadOnlyList<string> WaitingFor { get; init; } = [];
}
