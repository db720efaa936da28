using System.Text.Json.Serialization;

namespace Experimenten.Domain;

/// <summary>Text in both languages the product speaks; Dutch first.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string For(string language) => language == Languages.English ? En : Nl;
}

/// <summary>
/// A call for applications, as a coordinator set it (stored in the <c>calls</c> table; the seeds import the first
/// ones). Every duration is ISO 8601. An application keeps the version it was submitted under: the lifecycle's
/// input holds this record as it was then.
/// </summary>
/// <param name="Panel">The reviewers who sit on this call's panel, by id, in the order they are invited; null for every reviewer.</param>
/// <param name="Version">Counts the call's saved versions from 1; 0 for a call read from a seed file and not stored yet.</param>
public sealed record Call(
    string Id,
    LocalizedText Title,
    LocalizedText Description,
    string Fund,
    IReadOnlyList<string> Partners,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    long MaxBudget,
    ReviewSettings Review,
    RevisionSettings Revision,
    MonitoringSettings Monitoring,
    RetentionSettings? Retention = null,
    IReadOnlyList<string>? Panel = null,
    int Version = 0)
{
    /// <summary>The call's own retention, or the default for a call that names none.</summary>
    public RetentionSettings Keeps => Retention ?? RetentionSettings.Default;

    public bool IsOpenAt(DateTimeOffset moment) => moment >= OpensAt && moment < ClosesAt;
}

public sealed record ReviewSettings(
    int ReviewersPerRound,
    int ApprovalsNeeded,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReviewCompletion>))] ReviewCompletion Completion,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan Period,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan ReminderBefore,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan OverdueAfter,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan EscalateAfter,
    bool ShareCommentsOnReject);

/// <summary>Quorum decides as soon as the rule is settled; Timeout waits for the whole review period.</summary>
public enum ReviewCompletion
{
    Quorum,
    Timeout,
}

public sealed record RevisionSettings(
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan Period,
    int MaxRounds);

public sealed record MonitoringSettings(
    int ProgressReports,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan Interval,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan ReminderBefore,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan OverdueAfter,
    [property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan EscalateAfter);
