using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary><c>GET /</c>: a short application form that posts straight to the API.</summary>
public sealed class FormPage(CallCatalog catalog, TimeProvider time, Formatting format)
{
    public IResult Get(HttpRequest request)
    {
        var lang = Http.Problems.LanguageOf(request);
        var now = time.GetUtcNow();
        var open = catalog.Calls.Where(c => c.IsOpenAt(now)).ToList();
        var body = new StringBuilder()
            .Append("<h1>").Append(T(lang, "Vraag geld aan voor een experiment", "Apply for an experiment grant")).Append("</h1>")
            .Append("<p>").Append(T(lang,
                "Bewoners en een welzijnsorganisatie vragen samen aan. Een kort plan is genoeg: typ het hieronder of voeg één bestand toe.",
                "Residents and a welfare organisation apply together. A short plan is enough: type it below or attach one file.")).Append("</p>")
            .Append("<p><a href=\"/?lang=").Append(lang == Languages.English ? "nl\">Nederlands" : "en\">English").Append("</a></p>")
            .Append("<form method=\"post\" action=\"/api/applications\" enctype=\"multipart/form-data\">")
            .Append("<input type=\"hidden\" name=\"language\" value=\"").Append(lang).Append("\">")
            .Append("<label for=\"callId\">").Append(T(lang, "Oproep", "Call")).Append("</label><select id=\"callId\" name=\"callId\" required>");
        foreach (var call in open)
        {
            body.Append("<option value=\"").Append(Html.E(call.Id)).Append("\">").Append(Html.E(call.Title.For(lang)))
                .Append(" — ").Append(T(lang, "sluit", "closes")).Append(' ').Append(Html.E(format.Moment(call.ClosesAt, lang))).Append("</option>");
        }

        body.Append("</select>");
        Field(body, "title", T(lang, "Naam van het experiment", "Name of the experiment"), "text", SubmissionLimits.MaxTitle);
        Field(body, "summary", T(lang, "Korte samenvatting", "Short summary"), "textarea", SubmissionLimits.MaxSummary);
        Field(body, "initiativeName", T(lang, "Naam van het bewonersinitiatief", "Name of the residents' initiative"), "text", SubmissionLimits.MaxShortText);
        Field(body, "residentContactName", T(lang, "Contactpersoon bewoners", "Residents' contact"), "text", SubmissionLimits.MaxShortText);
        Field(body, "residentContactEmail", T(lang, "E-mail contactpersoon bewoners", "Residents' contact email"), "email", 254);
        Field(body, "welfareOrganisation", T(lang, "Welzijnsorganisatie", "Welfare organisation"), "text", SubmissionLimits.MaxShortText);
        Field(body, "welfareContactName", T(lang, "Contactpersoon welzijnsorganisatie", "Welfare organisation contact"), "text", SubmissionLimits.MaxShortText);
        Field(body, "welfareContactEmail", T(lang, "E-mail contactpersoon welzijnsorganisatie", "Welfare contact email"), "email", 254);
        Field(body, "municipality", T(lang, "Gemeente", "Municipality"), "text", SubmissionLimits.MaxShortText);
        Field(body, "budgetRequested", T(lang, "Gevraagd bedrag in hele euro's", "Amount requested in whole euros"), "number", 12);
        body.Append("<label for=\"planText\">").Append(T(lang, "Uw plan (of voeg hieronder een bestand toe)", "Your plan (or attach a file below)"))
            .Append("</label><textarea id=\"planText\" name=\"planText\" maxlength=\"").Append(SubmissionLimits.MaxPlanText).Append("\"></textarea>")
            .Append("<label for=\"plan\">").Append(T(lang, "Plan als bestand (PDF, Word, ODT, PNG of JPEG, hoogstens 10 MB)", "Plan as a file (PDF, Word, ODT, PNG or JPEG, at most 10 MB)"))
            .Append("</label><input type=\"file\" id=\"plan\" name=\"plan\" accept=\".pdf,.docx,.odt,.png,.jpg,.jpeg\">")
            .Append("<label><input type=\"checkbox\" name=\"consent\" value=\"true\" required> ")
            .Append(T(lang, "Ik geef toestemming om deze gegevens voor de aanvraag te gebruiken.", "I agree to the use of these details for the application."))
            .Append("</label><button type=\"submit\">").Append(T(lang, "Aanvraag versturen", "Send application")).Append("</button></form>");
        return Html.Page(lang, T(lang, "Aanvragen", "Apply"), body.ToString());
    }

    static void Field(StringBuilder body, string name, string label, string type, int max)
    {
        body.Append("<label for=\"").Append(name).Append("\">").Append(Html.E(label)).Append("</label>");
        body.Append(type == "textarea"
            ? $"<textarea id=\"{name}\" name=\"{name}\" required maxlength=\"{max}\"></textarea>"
            : $"<input type=\"{type}\" id=\"{name}\" name=\"{name}\" required{(type == "number" ? " min=\"1\" step=\"1\"" : $" maxlength=\"{max}\"")}>");
    }

    static string T(string lang, string nl, string en) => lang == Languages.English ? en : nl;
}
