using System.Globalization;

namespace Experimenten.Email;

/// <summary>Dates and amounts the way a Dutch (or English) reader expects them, in the fund's time zone.</summary>
public sealed class Formatting(TimeZoneInfo zone)
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public TimeZoneInfo Zone => zone;

    public static CultureInfo Culture(string language) => language == Domain.Languages.English ? English : Dutch;

    public string Moment(DateTimeOffset moment, string language)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var culture = Culture(language);
        var when = language == Domain.Languages.English
            ? local.ToString("d MMMM yyyy 'at' HH:mm", culture)
            : local.ToString("d MMMM yyyy 'om' HH:mm", culture);
        return $"{when} ({(language == Domain.Languages.English ? "Amsterdam time" : "Nederlandse tijd")})";
    }

    public static string Euros(long amount, string language) =>
        "€ " + amount.ToString("N0", Culture(language));
}
