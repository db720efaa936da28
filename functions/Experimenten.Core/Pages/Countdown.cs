using System.Globalization;

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

    /// <summary>The words come from SharedText through <see cref="Shared.CountdownText"/>, as on the rebuilt pages.</summary>
    public static string Text(TimeSpan left, string lang)
    {
        using var _ = Experimenten.Text.TextCulture.Use(lang);
        return Shared.CountdownText.For(Html.Interim, left);
    }
}
