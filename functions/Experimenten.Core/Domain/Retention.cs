using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Experimenten.Domain;

/// <summary>
/// How long a call keeps an application's data after it ended (AVG: no longer than needed). A finished
/// experiment is kept longer, for the fund's accountability; an application that never ran is let go sooner.
/// </summary>
public sealed record RetentionSettings(
    [property: JsonConverter(typeof(IsoPeriodConverter))] IsoPeriod AfterCompleted,
    [property: JsonConverter(typeof(IsoPeriodConverter))] IsoPeriod AfterClosed)
{
    /// <summary>For a call that names none: two years after an experiment, half a year after any other end.</summary>
    public static readonly RetentionSettings Default = new(IsoPeriod.Parse("P24M"), IsoPeriod.Parse("P6M"));

    /// <summary>The period after <paramref name="stage"/>: Completed keeps the longest, every other end the shorter.</summary>
    public IsoPeriod After(Stage stage) => stage == Stage.Completed ? AfterCompleted : AfterClosed;
}

/// <summary>
/// An ISO 8601 period (P24M, P6M, P1Y, PT10M) counted on the calendar: 24 months after 31 January is the
/// last day of January two years on, not 720 days. Deadlines use <see cref="IsoDurationConverter"/>; the
/// law's periods are calendar months.
/// </summary>
public sealed partial record IsoPeriod(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static IsoPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Pattern().Match(text);
        if (!m.Success || text is "P" or "PT" || text.EndsWith('T'))
        {
            throw new FormatException($"'{text}' is not an ISO 8601 period such as P24M, P6M or PT10M.");
        }

        int Int(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = m.Groups[7].Success ? double.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
        return new(Int(1), Int(2), (Int(3) * 7) + Int(4), new TimeSpan(Int(5), Int(6), 0) + TimeSpan.FromSeconds(seconds)) { Text = text };
    }

    /// <summary>As configured, for the form's consent text and the export.</summary>
    public string Text { get; init; } = "";

    public DateTimeOffset AddTo(DateTimeOffset moment) => moment.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public override string ToString() => Text;
}

public sealed class IsoPeriodConverter : JsonConverter<IsoPeriod>
{
    public override IsoPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A period is missing.");
        try
        {
            return IsoPeriod.Parse(text);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, IsoPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Text);
    }
}
