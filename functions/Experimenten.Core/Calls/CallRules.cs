using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Calls;

/// <summary>What makes a call's settings work together: a review rule the panel can meet, reminders inside their periods.</summary>
public static class CallRules
{
    /// <summary>
    /// Each broken rule as (field, message). With <paramref name="panel"/>, also whether the call's panel has enough
    /// active reviewers for its rule.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Check(Call call, IStringLocalizer<CallText> text, Panel? panel = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(text);
        var broken = new List<KeyValuePair<string, string>>();
        void Broken(string field, string message) => broken.Add(new(field, message));

        var review = call.Review;
        if (review.ReviewersPerRound > 0 && review.ApprovalsNeeded > review.ReviewersPerRound)
        {
            Broken(CallFields.ApprovalsNeeded, text["Error.ApprovalsAbovePanel", review.ApprovalsNeeded, review.ReviewersPerRound]);
        }

        if (review.ReminderBefore >= review.Period)
        {
            Broken(CallFields.ReviewReminderBefore, text["Error.ReminderOutside"]);
        }

        if (review.EscalateAfter < review.OverdueAfter)
        {
            Broken(CallFields.ReviewEscalateAfter, text["Error.EscalateBeforeOverdue"]);
        }

        var monitoring = call.Monitoring;
        if (monitoring.ReminderBefore >= monitoring.Interval)
        {
            Broken(CallFields.ReportReminderBefore, text["Error.ReminderOutside"]);
        }

        if (monitoring.EscalateAfter < monitoring.OverdueAfter)
        {
            Broken(CallFields.ReportEscalateAfter, text["Error.EscalateBeforeOverdue"]);
        }

        if (panel is not null)
        {
            var unknown = (call.Panel ?? []).Where(id => panel.Find(id) is not { Status: not ReviewerStatus.Removed }).ToList();
            if (unknown.Count > 0)
            {
                Broken(CallFields.Panel, text["Error.PanelUnknown", string.Join(", ", unknown)]);
            }

            var members = (call.Panel is { } ids ? ids.Select(panel.Find).OfType<Reviewer>() : panel.Reviewers).Count(r => r.IsActive);
            var needed = Math.Max(review.ApprovalsNeeded, review.ReviewersPerRound);
            if (members < needed)
            {
                Broken(CallFields.Panel, text["Error.PanelTooSmall", members, needed]);
            }
        }

        return broken;
    }
}
