using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Storage;
using Experimenten.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Localization;

namespace Experimenten.Pages.Applicant;

/// <summary>
/// <c>GET /status/{token}</c>: the applicant's page behind the link in every email, with the actions the stage
/// allows. Its forms post to <c>/status/{token}/withdraw</c> (two steps: confirm, then withdraw) and
/// <c>/status/{token}/contact</c>, which call <see cref="ApplicantCommands"/> as the JSON API does and answer
/// 303 back to this page (a hand-over answers at once: the link that made it no longer opens the page).
/// </summary>
public sealed class StatusPages(ApplicantCommands commands, DataRequestCommands dataRequests, ReadModel readModel, PageRenderer pages, IStringLocalizer<ApplicantText> text)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = await commands.OpenAsync(token, null, cancellationToken);
        var lang = LanguageOf(request, link);
        if (link is null)
        {
            return NotFound(lang);
        }

        var done = request.Query["done"].ToString();
        return await StatusAsync(request, token, link, lang, done is "withdraw" or "contact" or "data-request" ? new StatusState { Done = done } : StatusState.None, cancellationToken);
    }

    /// <summary>Step 1 shows a confirmation with the reason; step 2 (<c>confirm=yes</c>) withdraws and goes back to the status page.</summary>
    public async Task<IResult> WithdrawAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (refused, link, form, lang) = await PrepareAsync(request, token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var reason = form.GetValueOrDefault("reason", "").Trim();
        if (form.GetValueOrDefault("confirm") != "yes")
        {
            return pages.Page<WithdrawConfirmPage>(lang, new Dictionary<string, object?>
            {
                [nameof(WithdrawConfirmPage.View)] = link!.View,
                [nameof(WithdrawConfirmPage.Token)] = token,
                [nameof(WithdrawConfirmPage.Reason)] = reason,
                [nameof(WithdrawConfirmPage.BackHref)] = StatusHref(request, token, null),
            }, new PageResponse { CarriesToken = true, CsrfToken = Csrf.TokenFor(request) });
        }

        var outcome = await commands.WithdrawAsync(new WithdrawApplication(token, link!.View.Id, reason, lang, LanguageChosen: true), durable, cancellationToken);
        return outcome.IsAccepted
            ? new SeeOtherResult(StatusHref(request, token, "withdraw"))
            : await RefusedAsync(request, token, new StatusState { Refusal = outcome.Refusal, Form = "withdraw", Values = form }, cancellationToken);
    }

    public async Task<IResult> ChangeContactAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (refused, link, form, lang) = await PrepareAsync(request, token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await commands.HandOverAsync(new HandOverContact(token, link!.View.Id, form, lang, LanguageChosen: true), durable, cancellationToken);
        return outcome.IsAccepted
            ? pages.Page<HandedOverPage>(lang, new Dictionary<string, object?> { [nameof(HandedOverPage.View)] = link.View }, new PageResponse { CarriesToken = true })
            : await RefusedAsync(request, token, new StatusState { Refusal = outcome.Refusal, Form = "contact", Values = form }, cancellationToken);
    }

    /// <summary><c>POST /status/{token}/data-request</c>: records the request (once a day) and says the fund answers within a month.</summary>
    public async Task<IResult> DataRequestAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (refused, link, _, lang) = await PrepareAsync(request, token, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await dataRequests.RequestAsync(new RequestData(token, link!.View.Id, lang, LanguageChosen: true), cancellationToken);
        return outcome.IsAccepted
            ? new SeeOtherResult(StatusHref(request, token, "data-request"))
            : await RefusedAsync(request, token, new StatusState { Refusal = outcome.Refusal, Form = "data-request" }, cancellationToken);
    }

    /// <summary>The form action's language: nothing for Dutch (the default), "?lang=xx" for any other.</summary>
    public static string LangQuery(string language) => language == Languages.Dutch ? "" : QueryString.Create("lang", language).ToString();

    /// <summary>The checks every post shares: a genuine link, a form, and the form's CSRF token.</summary>
    async Task<(IResult? Refused, StatusLink? Link, Dictionary<string, string> Form, string Lang)> PrepareAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var link = await commands.OpenAsync(token, null, cancellationToken);
        var lang = LanguageOf(request, link);
        if (link is null)
        {
            return (NotFound(lang), null, [], lang);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!Csrf.IsValid(request, form))
        {
            using var _ = TextCulture.Use(lang);
            var expired = new Refusal(RefusalKind.Refused, "csrf", text["Status.Csrf.Title"], text["Status.Csrf.Text"]);
            return (await StatusAsync(request, token, link, lang, new StatusState { Refusal = expired }, cancellationToken), link, [], lang);
        }

        return (null, link, form.ToDictionary(f => f.Key, f => f.Value.ToString()), lang);
    }

    /// <summary>The page again with the refusal; read afresh, so a link that stopped working in between answers 404.</summary>
    async Task<IResult> RefusedAsync(HttpRequest request, string token, StatusState state, CancellationToken cancellationToken)
    {
        var link = await commands.OpenAsync(token, null, cancellationToken);
        var lang = LanguageOf(request, link);
        return link is null ? NotFound(lang) : await StatusAsync(request, token, link, lang, state, cancellationToken);
    }

    async Task<IResult> StatusAsync(HttpRequest request, string token, StatusLink link, string lang, StatusState state, CancellationToken cancellationToken)
    {
        var timeline = await readModel.GetTimelineAsync(link.View.Id, cancellationToken);
        var upload = await commands.UploadAsync(link, cancellationToken);
        return pages.Page<StatusPage>(lang, new Dictionary<string, object?>
        {
            [nameof(StatusPage.Link)] = link,
            [nameof(StatusPage.Token)] = token,
            [nameof(StatusPage.Timeline)] = timeline,
            [nameof(StatusPage.Upload)] = upload,
            [nameof(StatusPage.State)] = state,
        }, new PageResponse { Status = state.Status, CarriesToken = true, CsrfToken = Csrf.TokenFor(request) });
    }

    /// <summary>The reader's explicit choice (?lang=) wins over the language the application was made in.</summary>
    static string LanguageOf(HttpRequest request, StatusLink? link) =>
        Languages.IsSupported(request.Query["lang"]) ? request.Query["lang"].ToString()
        : link is null ? Problems.LanguageOf(request) : Languages.Normalize(link.View.Language);

    static string StatusHref(HttpRequest request, string token, string? done)
    {
        var lang = request.Query["lang"].ToString();
        var query = Languages.IsSupported(lang) ? QueryString.Create("lang", lang) : QueryString.Empty;
        if (done is not null)
        {
            query += QueryString.Create("done", done);
        }

        return "/status/" + Uri.EscapeDataString(token) + query;
    }

    IResult NotFound(string lang) => pages.Page<StatusNotFoundPage>(lang, null, new PageResponse { Status = StatusCodes.Status404NotFound, CarriesToken = true });
}
