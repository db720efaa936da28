using Experimenten.Domain;

namespace Experimenten.Storage;

/// <summary>
/// The timeline as applicants see it: what happened, never who on the fund's side did it. Lines written
/// before the actor had a field of its own (no <see cref="TimelineEntry.Actor"/>) may name a reviewer or a
/// coordinator in their text; for those kinds applicants get a plain line instead.
/// </summary>
public static class ApplicantTimeline
{
    public static string Text(TimelineEntry entry, string lang)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (lang == Languages.English && Enum.TryParse<Stage>(entry.Kind, out var stage))
        {
            return StageText.For(stage, lang);
        }

        if (entry.Actor is not null)
        {
            return entry.Text;
        }

        return entry.Kind switch
        {
            "Decision" => Pick(lang, "Een beoordelaar heeft besloten.", "A reviewer has decided."),
            "Reassigned" => Pick(lang, "Een andere beoordelaar neemt het over.", "Another reviewer takes over."),
            "DeadlineExtended" => Pick(lang, "Het fondsbureau heeft de deadline verzet.", "The fund office has moved the deadline."),
            "Refused" => Pick(lang, "Een handeling paste niet bij de fase en is geweigerd.", "An action did not fit the stage and was refused."),
            _ => entry.Text,
        };
    }

    static string Pick(string lang, string nl, string en) => lang == Languages.English ? en : nl;
}
