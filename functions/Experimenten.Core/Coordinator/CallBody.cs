using Experimenten.Calls;
using Experimenten.Domain;

namespace Experimenten.Coordinator;

/// <summary>
/// A call as the coordinator API takes and answers it: the shape of <c>seeds/calls.json</c>, durations as ISO 8601
/// text. On input <see cref="Version"/> is the version the change was made from, and <see cref="IsOpen"/> is ignored.
/// </summary>
public sealed record CallBody(
    string Id,
    LocalizedText Title,
    LocalizedText Description,
    string Fund,
    IReadOnlyList<string> Partners,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    long MaxBudget,
    ReviewBody Review,
    RevisionBody Revision,
    MonitoringBody Monitoring,
    RetentionBody Retention,
    IReadOnlyList<string>? Panel,
    int Version,
    bool IsOpen)
{
    public static CallBody Of(Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (r, v, m, k) = (call.Review, call.Revision, call.Monitoring, call.Keeps);
        return new(call.Id, call.Title, call.Description, call.Fund, call.Partners, call.OpensAt, call.ClosesAt, call.MaxBudget,
            new(r.ReviewersPerRound, r.ApprovalsNeeded, r.Completion.ToString().ToLowerInvariant(), CallFields.Iso(r.Period), CallFields.Iso(r.ReminderBefore),
                CallFields.Iso(r.OverdueAfter), CallFields.Iso(r.EscalateAfter), r.ShareCommentsOnReject),
            new(CallFields.Iso(v.Period), v.MaxRounds),
            new(m.ProgressReports, CallFields.Iso(m.Interval), CallFields.Iso(m.ReminderBefore), CallFields.Iso(m.OverdueAfter), CallFields.Iso(m.EscalateAfter)),
            new(k.AfterCompleted.Text, k.AfterClosed.Text),
            call.Panel, call.Version, call.IsOpenAt(now));
    }
}

public sealed record ReviewBody(int ReviewersPerRound, int ApprovalsNeeded, string Completion, string Period, string ReminderBefore, string OverdueAfter, string EscalateAfter, bool ShareCommentsOnReject);

public sealed record RevisionBody(string Period, int MaxRounds);

public sealed record MonitoringBody(int ProgressReports, string Interval, string ReminderBefore, string OverdueAfter, string EscalateAfter);

public sealed record RetentionBody(string AfterCompleted, string AfterClosed);

/// <summary>What a call's settings mean for one application sent now: every date, the latest it can be.</summary>
public sealed record CallPreviewBody(CallBody Call, IReadOnlyList<ScheduleLine> Schedule);

/// <summary>A reviewer to add or change.</summary>
public sealed record ReviewerRequest(string Name, string Email, IReadOnlyList<string> Organisations, string Language);

/// <summary>A reviewer's new status; for a removal, each running round it was invited to and who was asked instead.</summary>
public sealed record ReviewerStatusBody(ReviewerBody Reviewer, IReadOnlyList<RoundHandedOn> HandedOn);
