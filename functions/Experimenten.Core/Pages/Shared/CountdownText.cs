using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages.Shared;

/// <summary>The time left in words, as the server writes it once (countdown.js then counts in seconds).</summary>
public static class CountdownText
{
    public static string For(IStringLocalizer<SharedText> text, TimeSpan left)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (left <= TimeSpan.Zero)
        {
            return text["Countdown.Passed"];
        }

        return left.TotalDays >= 1
            ? text["Countdown.DaysHours", text.Count("Day", (long)left.TotalDays), text.Count("Hour", left.Hours)]
            : text["Countdown.HoursMinutes", left.Hours, left.Minutes];
    }
}
