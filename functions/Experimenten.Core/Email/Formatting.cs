using System.Globalization;
using Experimenten.Text;
using Microsoft.Extensions.Localization;

namespace Experimenten.Email;

/// <summary>Dates and amounts the way a reader of each language expects them, in the fund's time zone (<c>Fund:TimeZone</c>).</summary>
public sealed class Formatting(TimeZoneInfo zone, IStringLocalizer<SharedText> text)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>The culture that formats numbers and dates in a language; the resources name it ("nl-NL", "en-GB").</summary>
    public CultureInfo Culture(string language)
    {
        using var _ = TextCulture.Use(language);
        return CultureInfo.GetCultureInfo(text["Culture"]);
    }

    public string Moment(DateTimeOffset moment, string language)
    {
        using var _ = TextCulture.Use(language);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var when = local.ToString(text["Moment.Format"], CultureInfo.GetCultureInfo(text["Culture"]));
        return text["Moment.WithZone", when, ZoneName()];
    }

    /// <summary>The zone in words ("Nederlandse tijd"); a zone the resources do not name shows its id.</summary>
    public string ZoneName()
    {
        var name = text[$"Zone.{zone.Id}"];
        return name.ResourceNotFound ? zone.Id : name.Value;
    }

    public string Amount(long amount, string language) => "€ " + amount.ToString("N0", Culture(language));
}
