using Experimenten.Domain;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Storage;

/// <summary>
/// The timeline as applicants see it: what happened, never who on the fund's side did it. Lines written
/// before the actor had a field of its own (no <see cref="TimelineEntry.Actor"/>) may name a reviewer or a
/// coordinator in their text; for those kinds applicants get a plain line instead.
/// </summary>
public static class ApplicantTimeline
{
    static readonly HashSet<string> MayNameTheFund = ["Decision", "Reassigned", "DeadlineExtended", "Refused"];

    public static string Text(TimelineEntry entry, string lang) => Text(Catalogue.For<TimelineText>(), entry, lang);

    public static string Text(IStringLocalizer<TimelineText> text, TimelineEntry entry, string lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        if (Languages.Normalize(lang) == Languages.English && Enum.TryParse<Stage>(entry.Kind, out var stage))
        {
            return StageText.For(stage, lang);
        }

        // A line with its actor beside it, or of a kind that never names anyone, is told as written.
        if (entry.Actor is not null || !MayNameTheFund.Contains(entry.Kind))
        {
            return TimelineLines.Line(text, entry, lang);
        }

        using var _ = TextCulture.Use(lang);
        return text[$"Applicant.{entry.Kind}"];
    }
}
