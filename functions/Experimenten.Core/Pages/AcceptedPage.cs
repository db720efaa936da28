using System.Text;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary>After a submission: the reference, what happens next and the private status link.</summary>
public static class AcceptedPage
{
    /// <summary>Also rendered empty into a template on the form, which form.js fills after an upload.</summary>
    public static string Body(string lang, string id, string statusHref) => new StringBuilder()
        .Append("<div class=\"accepted\" id=\"accepted\"><h1 id=\"accepted-title\" tabindex=\"-1\">").Append(Html.T(lang, "Uw aanvraag is binnen", "Your application has arrived")).Append("</h1>")
        .Append("<div class=\"panel\"><p>").Append(Html.T(lang, "Uw kenmerk", "Your reference")).Append("</p><p class=\"reference\" data-slot=\"id\">").Append(Html.E(id)).Append("</p></div>")
        .Append("<h2>").Append(Html.T(lang, "Wat gebeurt er nu?", "What happens next?")).Append("</h2><ol class=\"next\">")
        .Append("<li>").Append(Html.T(lang,
            "Binnen een paar minuten krijgen beide contactpersonen een e-mail: die van de bewoners en die van de welzijnsorganisatie.",
            "Within a few minutes both contacts get an email: the residents' contact and the welfare organisation's contact.")).Append("</li>")
        .Append("<li>").Append(Html.T(lang,
            "We kijken eerst of de aanvraag past bij de voorwaarden van de oproep.",
            "We first check that the application fits the call's conditions.")).Append("</li>")
        .Append("<li>").Append(Html.T(lang,
            "Daarna lezen de beoordelaars uw plan. Zij kunnen het goedkeuren, afwijzen of om aanpassingen vragen. U krijgt bij elke stap een e-mail.",
            "Then the reviewers read your plan. They can approve it, reject it or ask for changes. You get an email at every step.")).Append("</li></ol>")
        .Append("<p>").Append(Html.T(lang, "Op de statuspagina ziet u altijd hoe het staat. De link staat ook in de e-mail; bewaar die.",
            "The status page always shows where things stand. The link is in the email as well; keep it.")).Append("</p>")
        .Append("<p><a class=\"button\" data-slot=\"status\" href=\"").Append(Html.E(statusHref)).Append("\">").Append(Html.T(lang, "Naar de statuspagina", "Go to the status page")).Append("</a></p></div>")
        .ToString();

    public static IResult Page(string lang, string id, string statusHref) =>
        Html.Page(new PageOptions(lang, Html.T(lang, "Aanvraag ontvangen", "Application received"), Body(lang, id, statusHref))
        {
            // The page holds the status token in a link: no caching, no referrer.
            CarriesToken = true,
            SwitchLanguageHref = null,
        });
}
