using System.Globalization;
using System.Text.Json.Nodes;
using Experimenten.Domain;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Calls;

/// <summary>
/// A call as flat fields (<c>title.nl</c>, <c>review.period</c>, …): the names of the coordinator's form, of the
/// per-field errors, and of the changes the audit shows. The API's JSON (the shape of <c>seeds/calls.json</c>)
/// flattens to the same fields, so the form and the API are checked by one parser.
/// </summary>
public static class CallFields
{
    public const string Id = "id";
    public const string TitleNl = "title.nl";
    public const string TitleEn = "title.en";
    public const string DescriptionNl = "description.nl";
    public const string DescriptionEn = "description.en";
    public const string Fund = "fund";
    public const string Partners = "partners";
    public const string OpensAt = "opensAt";
    public const string ClosesAt = "closesAt";
    public const string MaxBudget = "maxBudget";
    public const string ReviewersPerRound = "review.reviewersPerRound";
    public const string ApprovalsNeeded = "review.approvalsNeeded";
    public const string Completion = "review.completion";
    public const string ReviewPeriod = "review.period";
    public const string ReviewReminderBefore = "review.reminderBefore";
    public const string ReviewOverdueAfter = "review.overdueAfter";
    public const string ReviewEscalateAfter = "review.escalateAfter";
    public const string ShareComments = "review.shareCommentsOnReject";
    public const string RevisionPeriod = "revision.period";
    public const string RevisionMaxRounds = "revision.maxRounds";
    public const string ProgressReports = "monitoring.progressReports";
    public const string ReportInterval = "monitoring.interval";
    public const string ReportReminderBefore = "monitoring.reminderBefore";
    public const string ReportOverdueAfter = "monitoring.overdueAfter";
    public const string ReportEscalateAfter = "monitoring.escalateAfter";
    public const string RetentionAfterCompleted = "retention.afterCompleted";
    public const string RetentionAfterClosed = "retention.afterClosed";
    public const string Panel = "panel";

    /// <summary>Every field in the order the form and the audit show them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Id, TitleNl, TitleEn, DescriptionNl, DescriptionEn, Fund, Partners, OpensAt, ClosesAt, MaxBudget,
        ReviewersPerRound, ApprovalsNeeded, Completion, ReviewPeriod, ReviewReminderBefore, ReviewOverdueAfter, ReviewEscalateAfter, ShareComments,
        RevisionPeriod, RevisionMaxRounds,
        ProgressReports, ReportInterval, ReportReminderBefore, ReportOverdueAfter, ReportEscalateAfter,
        RetentionAfterCompleted, RetentionAfterClosed, Panel,
    ];

    /// <summary>The fields that hold a duration (ISO 8601, counted in days and hours).</summary>
    public static readonly IReadOnlyList<string> Durations =
        [ReviewPeriod, ReviewReminderBefore, ReviewOverdueAfter, ReviewEscalateAfter, RevisionPeriod, ReportInterval, ReportReminderBefore, ReportOverdueAfter, ReportEscalateAfter];

    /// <summary>A stored call as its fields, moments in the fund's zone as the form's datetime-local shows them.</summary>
    public static Dictionary<string, string> Of(Call call, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(zone);
        var keeps = call.Keeps;
        return new()
        {
            [Id] = call.Id,
            [TitleNl] = call.Title.Nl,
            [TitleEn] = call.Title.En,
            [DescriptionNl] = call.Description.Nl,
            [DescriptionEn] = call.Description.En,
            [Fund] = call.Fund,
            [Partners] = string.Join(", ", call.Partners),
            [OpensAt] = Local(call.OpensAt, zone),
            [ClosesAt] = Local(call.ClosesAt, zone),
            [MaxBudget] = call.MaxBudget.ToString(CultureInfo.InvariantCulture),
            [ReviewersPerRound] = call.Review.ReviewersPerRound.ToString(CultureInfo.InvariantCulture),
            [ApprovalsNeeded] = call.Review.ApprovalsNeeded.ToString(CultureInfo.InvariantCulture),
            [Completion] = call.Review.Completion.ToString().ToLowerInvariant(),
            [ReviewPeriod] = Iso(call.Review.Period),
            [ReviewReminderBefore] = Iso(call.Review.ReminderBefore),
            [ReviewOverdueAfter] = Iso(call.Review.OverdueAfter),
            [ReviewEscalateAfter] = Iso(call.Review.EscalateAfter),
            [ShareComments] = call.Review.ShareCommentsOnReject ? "true" : "false",
            [RevisionPeriod] = Iso(call.Revision.Period),
            [RevisionMaxRounds] = call.Revision.MaxRounds.ToString(CultureInfo.InvariantCulture),
            [ProgressReports] = call.Monitoring.ProgressReports.ToString(CultureInfo.InvariantCulture),
            [ReportInterval] = Iso(call.Monitoring.Interval),
            [ReportReminderBefore] = Iso(call.Monitoring.ReminderBefore),
            [ReportOverdueAfter] = Iso(call.Monitoring.OverdueAfter),
            [ReportEscalateAfter] = Iso(call.Monitoring.EscalateAfter),
            [RetentionAfterCompleted] = keeps.AfterCompleted.Text,
            [RetentionAfterClosed] = keeps.AfterClosed.Text,
            [Panel] = call.Panel is null ? "" : string.Join(",", call.Panel),
        };
    }

    /// <summary>The API's JSON body flattened to fields: nested objects joined with dots, arrays as comma lists.</summary>
    public static Dictionary<string, StringValues> Flatten(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        void Walk(string prefix, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        Walk(prefix.Length == 0 ? name : $"{prefix}.{name}", child);
                    }

                    break;
                case JsonArray a:
                    fields[prefix] = new StringValues([.. a.Select(v => v?.ToString() ?? "")]);
                    break;
                case JsonValue v:
                    fields[prefix] = v.ToString();
                    break;
            }
        }

        Walk("", body);
        return fields;
    }

    /// <summary>A duration as the form shows it: ISO 8601 (P14D, PT30M).</summary>
    public static string Iso(TimeSpan value) => System.Xml.XmlConvert.ToString(value);

    static string Local(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
