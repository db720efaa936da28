using System.Globalization;
using Experimenten.Email;

namespace Experimenten.Pages.Coordinator;

/// <summary>
/// The deadline field: a datetime-local value, which the coordinator types in the fund's time zone
/// (<c>Fund:TimeZone</c>, through <see cref="Formatting.Zone"/>); the server adds the offset of that day.
/// </summary>
public static class DeadlineInput
{
    static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>The moment, or the resource key of what is wrong with the value.</summary>
    public static (DateTimeOffset? Moment, string? Error) Parse(string value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, "Deadline.Pick");
        }

        // The hour the clocks skip does not exist: say so rather than guess either side of it.
        return zone.IsInvalidTime(local) ? (null, "Deadline.Gap") : (new DateTimeOffset(local, zone.GetUtcOffset(local)), null);
    }

    /// <summary>A deadline as the field shows it, in the fund's zone.</summary>
    public static string Format(DateTimeOffset? deadline, TimeZoneInfo zone) =>
        deadline is { } d ? TimeZoneInfo.ConvertTime(d, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";
}
