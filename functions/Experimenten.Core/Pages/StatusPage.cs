using System.Globalization;
using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Pages;

/// <summary><c>GET /status/{token}</c>: the applicant's page behind the link in every email.</summary>
public sealed class StatusPage(ReadModel readModel, LinkSigner signer, Formatting format)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var lang = Http.Problems.LanguageOf(request);
        var check = signer.Check(token, LinkPurpose.Status);
        var view = check.Result == LinkCheckResult.Valid ? await readModel.GetAsync(check.Claims!.ApplicationId, cancellationToken) : null;
        if (view is null)
        {
            return Html.Page(lang, T(lang, "Link werkt niet", "Link does not work"),
                $"<h1>{T(lang, "Deze link werkt niet (meer)", "This link does not work (any more)")}</h1><p>{T(lang,
                    "Gebruik de link uit de laatste e-mail over uw aanvraag. Lukt dat niet? Mail het fondsbureau via het adres in die e-mail.",
                    "Use the link in the latest email about your application. If that fails, email the fund office at the address in that email.")}</p>",
                StatusCodes.Status404NotFound, carriesToken: true);
        }

        lang = Http.Problems.LanguageOf(request, view.Language);
        var timeline = await readModel.GetTimelineAsync(view.Id, cancellationToken);
        var body = new StringBuilder()
            .Append("<h1>").Append(Html.E(view.Title)).Append("</h1>")
            .Append("<p>").Append(T(lang, "Kenmerk", "Reference")).Append(": <strong>").Append(Html.E(view.Id)).Append("</strong></p>")
            .Append("<p class=\"stage\">").Append(Html.E(StageText.For(view.Stage, lang))).Append("</p>");
        if (view.NextDeadline is { } deadline)
        {
            body.Append("<p>").Append(T(lang, "Volgende deadline", "Next deadline")).Append(": ").Append(Html.E(format.Moment(deadline, lang))).Append("</p>");
        }

        body.Append("<h2>").Append(T(lang, "Wat er gebeurde", "What happened")).Append("</h2><ol class=\"timeline\">");
        foreach (var entry in timeline)
        {
            body.Append("<li><time datetime=\"").Append(entry.At.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
                .Append(Html.E(format.Moment(entry.At, lang))).Append("</time>: ").Append(Html.E(entry.Text)).Append("</li>");
        }

        body.Append("</ol>");
        return Html.Page(lang, view.Title, body.ToString(), carriesToken: true);
    }

    static string T(string lang, string nl, string en) => lang == Languages.English ? en : nl;
}
