using System.Globalization;
using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>
/// <c>GET /</c>: a short application form that posts straight to the API. Without JavaScript it is a plain
/// form post (the server answers with a page); with form.js it checks fields first and shows upload progress.
/// </summary>
public sealed class FormPage(CallCatalog catalog, TimeProvider time, Formatting format)
{
    public IResult Get(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Render(request, Http.Problems.LanguageOf(request), FormState.Empty, StatusCodes.Status200OK);
    }

    /// <summary>The form with what the visitor typed and, after a refusal, each field's error.</summary>
    public IResult Render(HttpRequest request, string lang, FormState state, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        var open = catalog.Calls.Where(c => c.IsOpenAt(now)).OrderBy(c => c.ClosesAt).ToList();
        var csrf = Csrf.TokenFor(request);
        var body = new StringBuilder()
            .Append("<h1>").Append(Html.T(lang, "Vraag geld aan voor een experiment", "Apply for an experiment grant")).Append("</h1>")
            .Append("<p class=\"lead\">").Append(Html.T(lang,
                "Bewoners en een welzijnsorganisatie vragen samen aan. Een kort plan is genoeg: typ het hieronder of voeg één bestand toe. Het kost ongeveer een kwartier.",
                "Residents and a welfare organisation apply together. A short plan is enough: type it below or attach one file. It takes about fifteen minutes.")).Append("</p>");
        ErrorSummary(body, lang, state);
        if (open.Count == 0)
        {
            body.Append("<p>").Append(Html.T(lang, "Er is nu geen oproep open. Kijk later nog eens.", "No call is open at the moment. Please look again later.")).Append("</p>");
            return Page(lang, state, body, status, csrf);
        }

        body.Append("<form id=\"application-form\" method=\"post\" action=\"/api/applications\" enctype=\"multipart/form-data\" novalidate")
            .Append(" data-max-bytes=\"").Append(SubmissionLimits.MaxFileBytes.ToString(CultureInfo.InvariantCulture)).Append('"');
        Messages(body, lang);
        body.Append('>')
            .Append("<input type=\"hidden\" name=\"language\" value=\"").Append(lang).Append("\">")
            .Append("<input type=\"hidden\" name=\"_format\" value=\"html\">")
            .Append("<input type=\"hidden\" name=\"").Append(Csrf.FieldName).Append("\" value=\"").Append(Html.E(csrf)).Append("\">");
        Calls(body, lang, open, state, now);
        foreach (var group in FormFields.Groups)
        {
            body.Append("<fieldset><legend>").Append(Html.E(Html.T(lang, group.LegendNl, group.LegendEn))).Append("</legend>");
            foreach (var field in group.Fields)
            {
                FormFields.Render(body, field, lang, state.Value(field.Name), state.ErrorsFor(field.Name));
            }

            body.Append("</fieldset>");
        }

        Plan(body, lang, state);
        Consent(body, lang, state);
        body.Append("<div class=\"upload\" id=\"upload\" hidden><label for=\"upload-progress\">").Append(Html.T(lang, "Versturen", "Sending"))
            .Append("</label><progress id=\"upload-progress\" max=\"100\" value=\"0\">0%</progress><p id=\"upload-status\" class=\"hint\" role=\"status\"></p></div>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(Html.T(lang, "Aanvraag versturen", "Send application")).Append("</button></form>");
        body.Append("<template id=\"accepted-template\">").Append(AcceptedPage.Body(lang, "", "")).Append("</template>");
        return Page(lang, state, body, status, csrf);
    }

    static IResult Page(string lang, FormState state, StringBuilder body, int status, string csrf) =>
        Html.Page(new PageOptions(lang, (state.HasErrors ? Html.T(lang, "Fout: ", "Error: ") : "") + Html.T(lang, "Aanvragen", "Apply"), body.ToString())
        {
            Status = status,
            NoStore = true,
            SwitchLanguageHref = lang == Languages.English ? "/" : "/?lang=en",
            Scripts = ["countdown.js", "form.js"],
            Prepare = context => Csrf.SetCookie(context, csrf),
        });

    /// <summary>Each open call with its deadline in the fund's time zone and a countdown (form.js keeps it live).</summary>
    void Calls(StringBuilder body, string lang, List<Call> open, FormState state, DateTimeOffset now)
    {
        var chosen = state.Value("callId");
        if (open.All(c => c.Id != chosen))
        {
            chosen = open[0].Id;
        }

        var errors = state.ErrorsFor("callId");
        body.Append("<fieldset class=\"calls").Append(errors is null ? "" : " has-error").Append('"').Append(FormFields.DescribedBy("callId", false, errors is not null))
            .Append("><legend>").Append(Html.T(lang, "Kies de oproep", "Choose the call")).Append("</legend>");
        FormFields.ErrorMessage(body, "callId", lang, errors);
        for (var i = 0; i < open.Count; i++)
        {
            var call = open[i];
            var id = i == 0 ? "callId" : $"callId-{i}";
            body.Append("<div class=\"call\"><input type=\"radio\" name=\"callId\" id=\"").Append(id).Append("\" value=\"").Append(Html.E(call.Id)).Append('"')
                .Append(call.Id == chosen ? " checked" : "").Append(" aria-describedby=\"").Append(id).Append("-info\">")
                .Append("<label for=\"").Append(id).Append("\">").Append(Html.E(call.Title.For(lang))).Append("</label>")
                .Append("<div class=\"call-info\" id=\"").Append(id).Append("-info\"><p>")
                .Append(Html.T(lang, "Sluit op ", "Closes on ")).Append(Countdown.Time(call.ClosesAt, format.Moment(call.ClosesAt, lang)))
                .Append(". ")
                .Append(Countdown.Span(call.ClosesAt, now, lang)).Append("</p><p>")
                .Append(Html.T(lang, "Hoogstens ", "At most ")).Append(Html.E(Formatting.Euros(call.MaxBudget, lang))).Append(".</p></div></div>");
        }

        body.Append("</fieldset>");
    }

    static void Plan(StringBuilder body, string lang, FormState state)
    {
        body.Append("<fieldset><legend>").Append(Html.T(lang, "Uw plan", "Your plan")).Append("</legend><p class=\"hint\">")
            .Append(Html.T(lang, "Typ het plan hier, of voeg één bestand toe. Eén A4 is genoeg.", "Type the plan here, or attach one file. One page is enough."))
            .Append("</p>");
        FormFields.Render(body, new FormFields.Field("planText", "textarea", SubmissionLimits.MaxPlanText, false, "Plan in tekst", "Plan as text",
            "Wat wilt u uitproberen, met wie, en wat hoopt u te leren?", "What do you want to try, with whom, and what do you hope to learn?"), lang, state.Value("planText"), state.ErrorsFor("planText"));
        var errors = state.ErrorsFor("plan");
        var hint = Html.T(lang, "PDF, Word (DOCX), OpenDocument (ODT), PNG of JPEG, hoogstens 10 MB.", "PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG, at most 10 MB.");
        if (state.HadFile)
        {
            // Browsers never refill a file field, so say so rather than let the file silently vanish.
            hint += Html.T(lang, " Kies uw bestand opnieuw: de browser onthoudt het niet.", " Please choose your file again: the browser does not keep it.");
        }

        body.Append("<div class=\"field").Append(errors is null ? "" : " has-error").Append("\"><label for=\"plan\">")
            .Append(Html.T(lang, "Plan als bestand (niet verplicht)", "Plan as a file (optional)")).Append("</label><p class=\"hint\" id=\"plan-hint\">").Append(Html.E(hint)).Append("</p>");
        FormFields.ErrorMessage(body, "plan", lang, errors);
        body.Append("<input type=\"file\" id=\"plan\" name=\"plan\" accept=\".pdf,.docx,.odt,.png,.jpg,.jpeg\"").Append(FormFields.DescribedBy("plan", true, errors is not null))
            .Append(errors is null ? "" : " aria-invalid=\"true\"").Append("></div></fieldset>");
    }

    static void Consent(StringBuilder body, string lang, FormState state)
    {
        var errors = state.ErrorsFor("consent");
        body.Append("<div class=\"field checkbox").Append(errors is null ? "" : " has-error").Append("\">");
        FormFields.ErrorMessage(body, "consent", lang, errors);
        body.Append("<input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"true\" required aria-required=\"true\"")
            .Append(state.Value("consent") is "true" or "on" ? " checked" : "")
            .Append(FormFields.DescribedBy("consent", false, errors is not null)).Append(errors is null ? "" : " aria-invalid=\"true\"").Append('>')
            .Append("<label for=\"consent\">").Append(Html.T(lang,
                "Ik geef toestemming om deze gegevens te gebruiken voor de aanvraag. Beide contactpersonen krijgen alle e-mails.",
                "I agree to the use of these details for the application. Both contacts receive every email."))
            .Append("</label></div>");
    }

    /// <summary>The summary at the top: what went wrong, with a link to each field.</summary>
    static void ErrorSummary(StringBuilder body, string lang, FormState state)
    {
        body.Append("<div id=\"error-summary\" class=\"error-summary\" tabindex=\"-1\" role=\"alert\" aria-labelledby=\"error-summary-title\"")
            .Append(state.HasErrors || state.ProblemTitle is not null ? "" : " hidden").Append("><h2 id=\"error-summary-title\">")
            .Append(Html.E(state.ProblemTitle ?? Html.T(lang, "Controleer het formulier", "Please check the form"))).Append("</h2>");
        if (state.ProblemDetail is not null)
        {
            body.Append("<p>").Append(Html.E(state.ProblemDetail)).Append("</p>");
        }

        body.Append("<ul>");
        foreach (var (field, messages) in state.Errors)
        {
            var label = LabelFor(field, lang);
            body.Append("<li><a href=\"#").Append(Html.E(label is null ? "application-form" : field)).Append("\">")
                .Append(Html.E((label is null ? "" : label + ": ") + string.Join(" ", messages))).Append("</a></li>");
        }

        body.Append("</ul></div>");
    }

    /// <summary>The field's label for the summary; null for a field the form does not show.</summary>
    static string? LabelFor(string field, string lang) => field switch
    {
        "callId" => Html.T(lang, "Oproep", "Call"),
        "planText" => Html.T(lang, "Plan in tekst", "Plan as text"),
        "plan" => Html.T(lang, "Plan als bestand", "Plan as a file"),
        "consent" => Html.T(lang, "Toestemming", "Consent"),
        _ => FormFields.All.FirstOrDefault(f => f.Name == field) is { } f ? Html.T(lang, f.LabelNl, f.LabelEn) : null,
    };

    /// <summary>The client-side messages, in the page's language, for form.js (same words as the server's).</summary>
    static void Messages(StringBuilder body, string lang)
    {
        void Data(string key, string nl, string en) => body.Append(" data-msg-").Append(key).Append("=\"").Append(Html.E(Html.T(lang, nl, en))).Append('"');
        Data("required", "Vul dit veld in.", "Please fill in this field.");
        Data("email", "Dit is geen geldig e-mailadres, zoals naam@voorbeeld.nl.", "This is not a valid email address, such as name@example.org.");
        Data("euros", "Dit kunnen we niet lezen als bedrag. Schrijf het bedrag in hele euro's, zoals 4500 of 4.500.", "We cannot read this as an amount. Write the amount in whole euros, such as 4500 or 4,500.");
        Data("cents", "Het fonds geeft alleen hele euro's. Schrijf het bedrag zonder centen, zoals 4500 of 4.500.", "The fund gives whole euros only. Write the amount without cents, such as 4500 or 4,500.");
        Data("toohigh", "Dit bedrag is te hoog om te kloppen. Schrijf het bedrag in hele euro's, zoals 4500 of 4.500.", "This amount is too high to be right. Write the amount in whole euros, such as 4500 or 4,500.");
        Data("positive", "Het bedrag moet groter zijn dan 0.", "The amount must be more than 0.");
        Data("toolong", "Deze tekst is te lang: hoogstens {max} tekens, nu {n}.", "This text is too long: at most {max} characters, now {n}.");
        Data("plan", "Typ uw plan, of voeg één bestand toe.", "Type your plan, or attach one file.");
        Data("filesize", "Het bestand is te groot. Het mag hoogstens 10 MB zijn.", "The file is too large. It may be at most 10 MB.");
        Data("filetype", "Dit soort bestand kunnen we niet aannemen. Stuur een PDF, Word (DOCX), OpenDocument (ODT), PNG of JPEG.",
            "We cannot accept this kind of file. Send a PDF, Word (DOCX), OpenDocument (ODT), PNG or JPEG.");
        Data("consent", "Geef toestemming om uw gegevens voor deze aanvraag te gebruiken.", "Please agree to the use of your details for this application.");
        Data("summary", "Controleer het formulier", "Please check the form");
        Data("network", "Het versturen lukte niet. Controleer uw internetverbinding en probeer het opnieuw. Uw gegevens staan er nog.",
            "Sending failed. Check your internet connection and try again. Your details are still here.");
        Data("sending", "Bezig met versturen: {p}%", "Sending: {p}%");
        Data("error", "Fout: ", "Error: ");
    }
}
