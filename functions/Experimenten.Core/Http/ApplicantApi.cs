using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary><c>GET /api/applications/{id}?token=…</c>: the applicant's view. A wrong or missing token is a 404.</summary>
public sealed class ApplicantApi(ReadModel readModel, LinkSigner signer)
{
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Problems.LanguageOf(request);
        var check = signer.Check(request.Query["token"], LinkPurpose.Status);
        if (!check.IsValidFor(id))
        {
            return Problems.NotFound(lang);
        }

        var view = await readModel.GetAsync(id, cancellationToken);
        if (view is null || !ApplicantLinks.IsCurrent(check.Claims!, view))
        {
            return Problems.NotFound(lang);
        }

        var timeline = await readModel.GetTimelineAsync(id, cancellationToken);
        return Results.Json(new ApplicantView(
            view.Id,
            view.CallId,
            view.Title,
            view.Stage.ToString(),
            view.Stage.IsFinal(),
            view.WaitingOn.ToWire(),
            view.NextDeadline,
            view.SubmittedAt,
            [.. timeline.Select(t => new ApplicantTimelineEntry(t.At, t.Kind, ApplicantTimeline.Text(t, lang)))]));
    }
}

public sealed record ApplicantView(
    string Id,
    string CallId,
    string Title,
    string Stage,
    bool Final,
    string WaitingOn,
    DateTimeOffset? NextDeadline,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ApplicantTimelineEntry> Timeline);

public sealed record ApplicantTimelineEntry(DateTimeOffset At, string Kind, string Text);
