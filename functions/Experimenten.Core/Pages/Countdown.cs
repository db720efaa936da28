using System.Globalization;
using Experimenten.Domain;

namespace Experimenten.Pages;

/// <summary>
/// A deadline as a machine-readable time plus "still N days" text. The server writes the text once so the page
/// says it without JavaScript; countdown.js then keeps it live.
/// </summary>
public static class Countdown
{
    public static string Time(DateTimeOffset at, string text) =>
        $"<time datetime=\"{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{Html.E(text)}</time>";

    public static string Span(DateTimeOffset until, DateTimeOffset now, string lang) =>
        $"<span class=\"countdown\" data-until=\"{until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{Html.E(Text(until - now, lang))}</span>";

    public static string Text(TimeSpan left, string lang)
    {
        if (left <= TimeSpan.Zero)
        {
            return Html.T(lang, "De deadline is voorbij.", "The deadline has passed.");
        }

        var en = lang == Languages.English;
        if (left.TotalDays >= 1)
        {
            var days = (int)left.TotalDays;
            return en ? $"{days} {(days == 1 ? "day" : "days")} and {left.Hours} {(left.Hours == 1 ? "hour" : "hours")} left."
                : $"Nog {days} {(days == 1 ? "dag" : "dagen")} en {left.Hours} uur.";
        }

        return en ? $"{left.Hours} h {left.Minutes} min left." : $"Nog {left.Hours} uur en {left.Minutes} minuten.";
    }
}
