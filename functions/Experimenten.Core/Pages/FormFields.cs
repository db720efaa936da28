using System.Text;
using Experimenten.Submission;

namespace Experimenten.Pages;

/// <summary>
/// The text fields of the application form, in the order a resident fills them in. Each field carries its
/// server rule (required, kind, length) as attributes, so form.js checks exactly what the server checks.
/// </summary>
public static class FormFields
{
    public sealed record Field(string Name, string Kind, int Max, bool Required, string LabelNl, string LabelEn, string? HintNl = null, string? HintEn = null, string? Autocomplete = null);

    public sealed record Group(string LegendNl, string LegendEn, IReadOnlyList<Field> Fields);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("Het experiment", "The experiment",
        [
            new("title", "text", SubmissionLimits.MaxTitle, true, "Naam van het experiment", "Name of the experiment",
                "Een korte naam, bijvoorbeeld: Samen de buurtkamer openhouden.", "A short name, for example: Keeping the community room open together."),
            new("summary", "textarea", SubmissionLimits.MaxSummary, true, "Korte samenvatting", "Short summary",
                "Twee of drie zinnen: wat wilt u samen uitproberen?", "Two or three sentences: what do you want to try out together?"),
            new("municipality", "text", SubmissionLimits.MaxShortText, true, "Gemeente", "Municipality", Autocomplete: "address-level2"),
            new("budgetRequested", "euros", 20, true, "Gevraagd bedrag in hele euro's", "Amount requested in whole euros",
                "Zonder centen. Bijvoorbeeld: 7500 of 7.500.", "No cents. For example: 7500 or 7,500."),
        ]),
        new("De bewoners", "The residents",
        [
            new("initiativeName", "text", SubmissionLimits.MaxShortText, true, "Naam van het bewonersinitiatief", "Name of the residents' initiative"),
            new("residentContactName", "text", SubmissionLimits.MaxShortText, true, "Naam contactpersoon bewoners", "Residents' contact name", Autocomplete: "name"),
            new("residentContactEmail", "email", 254, true, "E-mailadres contactpersoon bewoners", "Residents' contact email address",
                "Hier sturen we elke stap naartoe.", "We send every step to this address.", "email"),
        ]),
        new("De welzijnsorganisatie", "The welfare organisation",
        [
            new("welfareOrganisation", "text", SubmissionLimits.MaxShortText, true, "Naam van de organisatie", "Name of the organisation", Autocomplete: "organization"),
            new("welfareContactName", "text", SubmissionLimits.MaxShortText, true, "Naam contactpersoon welzijnsorganisatie", "Welfare organisation contact name"),
            new("welfareContactEmail", "email", 254, true, "E-mailadres contactpersoon welzijnsorganisatie", "Welfare organisation contact email address",
                "Deze persoon krijgt dezelfde e-mails als de bewoners.", "This person gets the same emails as the residents."),
        ]),
    ];

    public static IEnumerable<Field> All => Groups.SelectMany(g => g.Fields);

    /// <summary>One labelled input with its hint and (when there is one) its error, tied together by aria-describedby.</summary>
    public static void Render(StringBuilder html, Field field, string lang, string? value, string[]? errors)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(field);
        var name = field.Name;
        var hint = Html.T(lang, field.HintNl ?? "", field.HintEn ?? "");
        html.Append("<div class=\"field").Append(errors is null ? "" : " has-error").Append("\">")
            .Append("<label for=\"").Append(name).Append("\">").Append(Html.E(Html.T(lang, field.LabelNl, field.LabelEn)))
            .Append(field.Required ? "" : Html.T(lang, " (niet verplicht)", " (optional)")).Append("</label>");
        if (hint.Length > 0)
        {
            html.Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(Html.E(hint)).Append("</p>");
        }

        ErrorMessage(html, name, lang, errors);
        var describedBy = DescribedBy(name, hint.Length > 0, errors is not null);
        var common = $" id=\"{name}\" name=\"{name}\"{(field.Required ? " required aria-required=\"true\"" : "")}{describedBy}{(errors is null ? "" : " aria-invalid=\"true\"")}";
        if (field.Kind == "textarea")
        {
            html.Append("<textarea").Append(common).Append(" maxlength=\"").Append(field.Max).Append("\" rows=\"5\">").Append(Html.E(value)).Append("</textarea>");
        }
        else
        {
            // Euros are text with a numeric keyboard: a number input would silently drop "7.500" or "€ 7500".
            var type = field.Kind switch { "email" => "email", _ => "text" };
            html.Append("<input type=\"").Append(type).Append('"').Append(common)
                .Append(field.Kind == "euros" ? $" inputmode=\"numeric\" data-rule=\"euros\" data-max=\"{Amounts.MaxEuros.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"" : "")
                .Append(field.Kind == "email" ? " data-rule=\"email\" spellcheck=\"false\"" : "")
                .Append(" maxlength=\"").Append(field.Max).Append('"')
                .Append(field.Autocomplete is null ? "" : $" autocomplete=\"{field.Autocomplete}\"")
                .Append(" value=\"").Append(Html.E(value)).Append("\">");
        }

        html.Append("</div>");
    }

    public static void ErrorMessage(StringBuilder html, string name, string lang, string[]? errors)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (errors is null)
        {
            return;
        }

        html.Append("<p class=\"field-error\" id=\"").Append(name).Append("-error\"><span class=\"visually-hidden\">")
            .Append(Html.T(lang, "Fout: ", "Error: ")).Append("</span>").Append(Html.E(string.Join(" ", errors))).Append("</p>");
    }

    public static string DescribedBy(string name, bool hint, bool error)
    {
        var ids = new List<string>();
        if (hint)
        {
            ids.Add(name + "-hint");
        }

        if (error)
        {
            ids.Add(name + "-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}
