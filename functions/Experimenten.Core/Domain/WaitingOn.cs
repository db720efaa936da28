using System.Text.Json;
using System.Text.Json.Serialization;

namespace Experimenten.Domain;

/// <summary>Whose move it is. On the wire and in storage it keeps the words it always had ("applicant", "" for nobody).</summary>
[JsonConverter(typeof(WaitingOnJsonConverter))]
public enum WaitingOn
{
    Nobody,
    Applicant,
    Reviewers,
    Fund,
}

public static class WaitingOnWire
{
    public static string ToWire(this WaitingOn waitingOn) => waitingOn switch
    {
        WaitingOn.Applicant => "applicant",
        WaitingOn.Reviewers => "reviewers",
        WaitingOn.Fund => "fund",
        _ => "",
    };

    /// <summary>Anything unknown reads as nobody: a row is never refused for its waiting-on word.</summary>
    public static WaitingOn Parse(string? wire) => wire switch
    {
        "applicant" => WaitingOn.Applicant,
        "reviewers" => WaitingOn.Reviewers,
        "fund" => WaitingOn.Fund,
        _ => WaitingOn.Nobody,
    };
}

sealed class WaitingOnJsonConverter : JsonConverter<WaitingOn>
{
    public override WaitingOn Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? (WaitingOn)reader.GetInt32() : WaitingOnWire.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, WaitingOn value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToWire());
    }
}
