using System.Text.Json.Nodes;
using Experimenten.Pages.Applicant;
using Experimenten.Submission;
using Microsoft.OpenApi;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// The multipart body of <c>POST /api/applications</c>. The text fields come from <see cref="FormFields"/>, the
/// form's own list (names, lengths, which are required), so the document names exactly what the form sends.
/// </summary>
static class SubmissionFormSchema
{
    public const string MediaType = "multipart/form-data";


    static readonly System.Resources.ResourceManager Words = new(typeof(Experimenten.Text.ApplicantText));

    /// <summary>The document is in English: the field's English label from the form's own words.</summary>
    static string EnglishLabel(FormFields.Field field) =>
        Words.GetString("Field." + field.Name + ".Label", System.Globalization.CultureInfo.GetCultureInfo("en")) ?? field.Name;

    public static OpenApiSchema Create()
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["callId"] = Text("The id of an open call, from GET /api/calls.", 64),
        };
        foreach (var field in FormFields.All)
        {
            properties[field.Name] = field.Kind switch
            {
                "email" => Text(EnglishLabel(field) + ".", field.Max, "email"),
                "euros" => Text(EnglishLabel(field) + ", in Dutch or English notation (7500, 7.500 or 7,500); cents are refused.", field.Max),
                _ => Text(EnglishLabel(field) + ".", field.Max),
            };
        }

        properties["planText"] = Text("The plan, typed (one A4 is enough). Either this or the file `plan` is needed.", SubmissionLimits.MaxPlanText);
        properties["plan"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "binary",
            Description = $"The plan as one file of at most {SubmissionLimits.MaxFileBytes / (1024 * 1024)} MB: PDF, DOCX, ODT, PNG or JPEG (recognised by content, not by name).",
        };
        properties["consent"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. SubmissionParser.ConsentValues.Select(v => (JsonNode)v)],
            Description = "Agreement to the use of the contacts' details for this application.",
        };
        properties["language"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [JsonValue.Create("nl"), JsonValue.Create("en")],
            Description = "The language of every email and message; Dutch when left out.",
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = new SortedSet<string>(["callId", .. FormFields.All.Where(f => f.Required).Select(f => f.Name), "consent"], StringComparer.Ordinal),
        };
    }

    static OpenApiSchema Text(string description, int max, string? format = null) =>
        new() { Type = JsonSchemaType.String, MaxLength = max, Format = format, Description = description };
}
