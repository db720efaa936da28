using Experimenten.Commands;
using Experimenten.Commands.Reviewer;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Http;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Experimenten.Pages.Reviewer;

/// <summary>
/// <c>GET /review/{token}</c> shows the application and the three choices; only <c>POST</c> from that page
/// records a decision (mail scanners follow GET links), through <see cref="ReviewDecisions"/>. A second attempt
/// shows the first decision. <c>GET /plan/{token}</c> shows the current plan.
/// </summary>
public sealed class ReviewerPages(ReviewDecisions decisions, PageRenderer pages, IOptions<EmailOptions> email)
{
    /// <summary>Every reviewer page carries the token: no referrer, no caching.</summary>
    static PageResponse Response(int status) => new() { Status = status, CarriesToken = true };

    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var lang = Problems.LanguageOf(request);
        var opened = await decisions.OpenAsync(token, lang, cancellationToken);
        return opened.Refusal is { } refusal ? Refused(lang, refusal) : Form(request, lang, token, opened.Value!, null, null, null);
    }

    public async Task<IResult> PostAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);

        // The link first, as the GET does: a forged or spent link costs no reading of what was posted to it.
        if ((await decisions.OpenAsync(token, lang, cancellationToken)).Refusal is { } closed)
        {
            return Refused(lang, closed);
        }

        var form = await ReadFormAsync(request, cancellationToken);
        var chosen = form["decision"].ToString();
        var comment = form["comment"].ToString().Trim();
        var outcome = await decisions.DecideAsync(new DecideReview(token, chosen, comment, lang), durable, cancellationToken);
        if (outcome.Value is { } decided)
        {
            return pages.Page<DecidedPage>(lang, new Dictionary<string, object?> { [nameof(DecidedPage.Decided)] = decided, [nameof(DecidedPage.Contact)] = Contact }, Response(StatusCodes.Status200OK));
        }

        var refusal = outcome.Refusal!;
        if (refusal.Kind != RefusalKind.Invalid)
        {
            return Refused(lang, refusal);
        }

        // The form comes back with the error; the seat was open a moment ago, so it is read again for the page.
        var opened = await decisions.OpenAsync(token, lang, cancellationToken);
        return opened.Value is { } seat ? Form(request, lang, token, seat, refusal, chosen, comment) : Refused(lang, opened.Refusal!);
    }

    /// <summary>A decision form is a choice and a comment: a small body, and one that cannot be read counts as empty (the page then asks for a choice).</summary>
    static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, DecisionForm));
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FormCollection.Empty;
        }
    }

    static FormOptions DecisionForm => new()
    {
        MultipartBodyLengthLimit = 256 * 1024,
        ValueCountLimit = 16,
        ValueLengthLimit = ReviewDecisions.CommentMax * 16,
    };

    public async Task<IResult> PlanAsync(HttpRequest request, string token, PlanStore plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var lang = Problems.LanguageOf(request);
        var opened = await decisions.OpenPlanAsync(token, lang, cancellationToken);
        if (opened.Refusal is { } refusal)
        {
            return Refused(lang, refusal);
        }

        var view = opened.Value!;
        if (view.Plan.Blob is { } blob)
        {
            var (stream, type, name) = await plans.OpenAsync(blob, cancellationToken);
            return new DownloadResult(stream, type, name);
        }

        return pages.Page<PlanPage>(lang, new Dictionary<string, object?> { [nameof(PlanPage.View)] = view }, Response(StatusCodes.Status200OK));
    }

    string Contact => email.Value.CoordinatorAddress;

    IResult Form(HttpRequest request, string lang, string token, ReviewSeat seat, Refusal? refusal, string? chosen, string? comment)
    {
        // The reader's explicit language choice stays on the form's action.
        var action = "/review/" + Uri.EscapeDataString(token) + (Languages.IsSupported(request.Query["lang"]) ? "?lang=" + lang : "");
        return pages.Page<ReviewPage>(lang, new Dictionary<string, object?>
        {
            [nameof(ReviewPage.Seat)] = seat,
            [nameof(ReviewPage.PlanToken)] = decisions.PlanToken(seat),
            [nameof(ReviewPage.Action)] = action,
            [nameof(ReviewPage.Refusal)] = refusal,
            [nameof(ReviewPage.Chosen)] = chosen,
            [nameof(ReviewPage.Comment)] = comment,
        }, Response(refusal is null ? StatusCodes.Status200OK : OutcomeResults.StatusOf(refusal)));
    }

    IResult Refused(string lang, Refusal refusal) =>
        pages.Page<ReviewRefusedPage>(lang, new Dictionary<string, object?> { [nameof(ReviewRefusedPage.Refusal)] = refusal, [nameof(ReviewRefusedPage.Contact)] = Contact }, Response(OutcomeResults.StatusOf(refusal)));
}
