using System.Text;

namespace Experimenten.Pages;

/// <summary>Small form parts shared by the status page and the coordinator pages: a labelled field with its error tied to it.</summary>
public static class Forms
{
    /// <summary>A labelled input or textarea; the error (if any) sits above it and is named by aria-describedby.</summary>
    public static void Field(StringBuilder html, string id, string name, string label, string kind, string? value, string[]? errors, string lang, string? hint = null, bool required = true, int max = 500)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<div class=\"field").Append(errors is null ? "" : " has-error").Append("\"><label for=\"").Append(id).Append("\">").Append(Html.E(label)).Append("</label>");
        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(Html.E(hint)).Append("</p>");
        }

        FormFields.ErrorMessage(html, id, lang, errors);
        var common = $" id=\"{id}\" name=\"{name}\"{(required ? " required aria-required=\"true\"" : "")}{FormFields.DescribedBy(id, hint is not null, errors is not null)}{(errors is null ? "" : " aria-invalid=\"true\"")}";
        if (kind == "textarea")
        {
            html.Append("<textarea").Append(common).Append(" rows=\"3\" maxlength=\"").Append(max).Append("\">").Append(Html.E(value)).Append("</textarea>");
        }
        else
        {
            html.Append("<input type=\"").Append(kind).Append('"').Append(common).Append(kind is "text" or "email" ? $" maxlength=\"{max}\"" : "")
                .Append(kind == "email" ? " autocomplete=\"email\" spellcheck=\"false\"" : "").Append(" value=\"").Append(Html.E(value)).Append("\">");
        }

        html.Append("</div>");
    }

    public static string CsrfField(string token) => $"<input type=\"hidden\" name=\"{Csrf.FieldName}\" value=\"{Html.E(token)}\">";

    /// <summary>A notice at the top of a page: an outcome (role=status) or a refusal (role=alert).</summary>
    public static string Notice(string? title, string? text, bool error) =>
        title is null && text is null ? ""
        : $"<div class=\"notice{(error ? " notice-error" : "")}\" role=\"{(error ? "alert" : "status")}\">{(title is null ? "" : $"<p class=\"notice-title\">{Html.E(title)}</p>")}{(text is null ? "" : $"<p>{Html.E(text)}</p>")}</div>";
}
