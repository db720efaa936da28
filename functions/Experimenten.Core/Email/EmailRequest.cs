using Experimenten.Domain;

namespace Experimenten.Email;

/// <summary>
/// What the composer writes an email from: the recipient and every fact, read by <see cref="EmailPreparation"/>
/// when the email is sent (an orchestrator asks with an <see cref="EmailOrder"/>). No links: the composer mints
/// the signed links, so no token is ever written to history.
/// </summary>
/// <param name="Variant">Tells apart two emails of the same kind, round and recipient (a second reminder after a new deadline).</param>
public sealed record EmailRequest(
    string ApplicationId,
    EmailKind Kind,
    int Round,
    Recipient To,
    EmailFacts Facts,
    string Variant = "")
{
    /// <summary>Stable per application, kind, round, recipient and variant: a retried activity never sends twice.</summary>
    public string Key => $"{ApplicationId}|{Kind}|r{Round}|{To.Key}{(Variant.Length > 0 ? "|" + Variant : "")}";
}

/// <param name="Key">Who this is within the application: resident, welfare, reviewer:{id}, coordinator.</param>
/// <param name="Name">Empty for applicant contacts: the activity takes the current contact, so a hand-over is respected.</param>
public sealed record Recipient(string Key, string Name, string Email, string Language)
{
    /// <summary>A contact's hand-over count, filled in when the email is sent; goes into their links (<see cref="Links.LinkToken.Gen"/>).</summary>
    public int Gen { get; init; }

    public const string ResidentKey = "resident";
    public const string WelfareKey = "welfare";
    public const string CoordinatorKey = "coordinator";

    /// <summary>A contact who handed over, for the one email that tells them so: former-resident, former-welfare.</summary>
    public const string FormerPrefix = "former-";

    public static string Reviewer(string id) => $"reviewer:{id}";

    public static string Former(ContactRole role) => FormerPrefix + role.ToString().ToLowerInvariant();

    public static string ApplicantKey(ContactRole role) => role == ContactRole.Resident ? ResidentKey : WelfareKey;

    public static Recipient Applicant(ContactRole role, string language) =>
        new(role == ContactRole.Resident ? ResidentKey : WelfareKey, "", "", language);

    public static Recipient For(Reviewer reviewer) => new($"reviewer:{reviewer.Id}", reviewer.Name, reviewer.Email, Languages.Normalize(reviewer.Language));

    public ContactRole? ApplicantRole => Key switch
    {
        ResidentKey => ContactRole.Resident,
        WelfareKey => ContactRole.Welfare,
        _ => null,
    };

    public string? ReviewerId => Key.StartsWith("reviewer:", StringComparison.Ordinal) ? Key["reviewer:".Length..] : null;
}

/// <summary>The facts a message may mention; each kind uses the ones it needs.</summary>
public sealed record EmailFacts(
    string Title,
    string InitiativeName,
    string CallTitle,
    long BudgetRequested,
    IReadOnlyList<ScreeningFailure>? Failures = null)
{
    public string Summary { get; init; } = "";

    public string WelfareOrganisation { get; init; } = "";

    public string Municipality { get; init; } = "";

    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<string> Comments { get; init; } = [];

    public int ReportNumber { get; init; }

    public bool FinalReport { get; init; }

    public string Reason { get; init; } = "";

    public string? OtherName { get; init; }
}
