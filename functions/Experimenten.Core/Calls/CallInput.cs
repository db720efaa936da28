using System.Globalization;
using System.Text.RegularExpressions;
using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Experimenten.Calls;

/// <summary>
/// Reads a call from its fields (<see cref="CallFields"/>), from the form or the API alike, and says per field what
/// is wrong, in the coordinator's language. Moments with an offset are taken as they are (the API); a moment without
/// one is the fund's local time (the form's datetime-local fields).
/// </summary>
public static partial class CallInput
{
    static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Whether a text can be a call's id (and so a storage key): checked before any look-up.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value) && !Reserved.Contains(value);

    /// <summary>Words the routes use beside a call's id (<c>coordinator/calls/new</c>, <c>api/coordinator/calls/preview</c>).</summary>
    static readonly string[] Reserved = ["new", "preview"];

    public static (Call? Call, Dictionary<string, string[]> Errors) Parse(IReadOnlyDictionary<string, StringValues> fields, TimeZoneInfo zone, IStringLocalizer<CallText> text)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        string Get(string field) => fields.TryGetValue(field, out var v) ? (v.ToString() ?? "").Trim() : "";

        string Required(string field, int max)
        {
            var value = Get(field);
            if (value.Length == 0)
            {
                Error(field, text["Error.Required"]);
            }
            else if (value.Length > max)
            {
                Error(field, text["Error.TooLong", max]);
            }

            return value;
        }

        int Whole(string field, int min, int max)
        {
            var value = Get(field);
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                Error(field, text["Error.Number"]);
                return 0;
            }

            if (n < min || n > max)
            {
                Error(field, text["Error.Range", min, max]);
            }

            return n;
        }

        TimeSpan Duration(string field, bool mayBeZero)
        {
            var value = Get(field);
            TimeSpan d;
            try
            {
                d = IsoDurationConverter.Parse(value);
            }
            catch (System.Text.Json.JsonException)
            {
                Error(field, text["Error.Duration", value]);
                return TimeSpan.Zero;
            }

            if (d < TimeSpan.Zero || (!mayBeZero && d == TimeSpan.Zero))
            {
                Error(field, text[mayBeZero ? "Error.DurationNegative" : "Error.DurationZero"]);
            }

            return d;
        }

        IsoPeriod Period(string field, IsoPeriod fallback)
        {
            var value = Get(field);
            if (value.Length == 0)
            {
                return fallback;
            }

            try
            {
                var period = IsoPeriod.Parse(value);
                if (period.AddTo(DateTimeOffset.UnixEpoch) <= DateTimeOffset.UnixEpoch)
                {
                    Error(field, text["Error.DurationZero"]);
                }

                return period;
            }
            catch (FormatException)
            {
                Error(field, text["Error.Period", value]);
                return fallback;
            }
        }

        DateTimeOffset Moment(string field)
        {
            var value = Get(field);
            if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                if (zone.IsInvalidTime(local))
                {
                    Error(field, text["Error.MomentGap"]);
                    return default;
                }

                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }

            if (value.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            {
                return moment;
            }

            Error(field, text["Error.Moment"]);
            return default;
        }

        var id = Get(CallFields.Id);
        if (!IsId(id))
        {
            Error(CallFields.Id, text["Error.Id"]);
        }

        var title = new LocalizedText(Required(CallFields.TitleNl, 200), Required(CallFields.TitleEn, 200));
        var description = new LocalizedText(Required(CallFields.DescriptionNl, 4000), Required(CallFields.DescriptionEn, 4000));
        var fund = Required(CallFields.Fund, 200);
        var partners = Get(CallFields.Partners).Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.TryGetValue(CallFields.Partners, out var partnerValues) && partnerValues.Count > 1)
        {
            partners = [.. partnerValues.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0)];
        }

        var opensAt = Moment(CallFields.OpensAt);
        var closesAt = Moment(CallFields.ClosesAt);
        if (!errors.ContainsKey(CallFields.OpensAt) && !errors.ContainsKey(CallFields.ClosesAt) && closesAt <= opensAt)
        {
            Error(CallFields.ClosesAt, text["Error.ClosesBeforeOpens"]);
        }

        var maxBudget = Whole(CallFields.MaxBudget, 1, 10_000_000);
        var completionText = Get(CallFields.Completion);
        if (!Enum.TryParse<ReviewCompletion>(completionText, ignoreCase: true, out var completion) || int.TryParse(completionText, out _))
        {
            Error(CallFields.Completion, text["Error.Completion"]);
        }

        var review = new ReviewSettings(
            Whole(CallFields.ReviewersPerRound, 0, 50),
            Whole(CallFields.ApprovalsNeeded, 1, 50),
            completion,
            Duration(CallFields.ReviewPeriod, mayBeZero: false),
            Duration(CallFields.ReviewReminderBefore, mayBeZero: true),
            Duration(CallFields.ReviewOverdueAfter, mayBeZero: true),
            Duration(CallFields.ReviewEscalateAfter, mayBeZero: false),
            Get(CallFields.ShareComments) is "true" or "on" or "True");
        var revision = new RevisionSettings(Duration(CallFields.RevisionPeriod, mayBeZero: false), Whole(CallFields.RevisionMaxRounds, 1, 10));
        var monitoring = new MonitoringSettings(
            Whole(CallFields.ProgressReports, 0, 24),
            Duration(CallFields.ReportInterval, mayBeZero: false),
            Duration(CallFields.ReportReminderBefore, mayBeZero: true),
            Duration(CallFields.ReportOverdueAfter, mayBeZero: true),
            Duration(CallFields.ReportEscalateAfter, mayBeZero: false));
        var retention = new RetentionSettings(
            Period(CallFields.RetentionAfterCompleted, RetentionSettings.Default.AfterCompleted),
            Period(CallFields.RetentionAfterClosed, RetentionSettings.Default.AfterClosed));
        IReadOnlyList<string>? panel = fields.TryGetValue(CallFields.Panel, out var members)
            ? [.. members.SelectMany(m => (m ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)]
            : null;

        var call = new Call(id, title, description, fund, partners, opensAt, closesAt, maxBudget, review, revision, monitoring, retention, panel);
        foreach (var (field, message) in CallRules.Check(call, text))
        {
            if (!errors.ContainsKey(field))
            {
                Error(field, message);
            }
        }

        return errors.Count == 0
            ? (call, [])
            : (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
