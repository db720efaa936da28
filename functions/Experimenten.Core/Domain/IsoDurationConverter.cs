using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Experimenten.Domain;

/// <summary>Reads and writes ISO 8601 durations (PT30S, P14D, P3M) as <see cref="TimeSpan"/>.</summary>
/// <remarks>Months count as 30 days and years as 365: deadlines are about weeks, not calendars.</remarks>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A duration is missing.");
        return Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteStringValue(XmlConvert.ToString(value));

    public static TimeSpan Parse(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException e)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration such as PT30S or P14D.", e);
        }
    }
}
