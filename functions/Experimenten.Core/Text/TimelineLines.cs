using Experimenten.Storage;
using Microsoft.Extensions.Localization;

namespace Experimenten.Text;

/// <summary>
/// One timeline line in the reader's words. Applicants never read who on the fund's side acted
/// (<see cref="ApplicantTimeline"/>); coordinators read every line as written.
/// </summary>
public static class TimelineLines
{
    public static string For(IStringLocalizer<TimelineText> text, TimelineEntry entry, string language, bool forApplicant)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        return forApplicant ? ApplicantTimeline.Text(entry, language) : entry.Text;
    }
}
