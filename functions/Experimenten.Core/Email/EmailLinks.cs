using Experimenten.Links;
using Microsoft.Extensions.Options;

namespace Experimenten.Email;

/// <summary>
/// Mints the signed links an email carries, when the activity composes it: a token is never in an orchestrator's
/// history. Each address is made here so every template links the same way.
/// </summary>
public sealed class EmailLinks(LinkSigner signer, IOptions<LinksOptions> links)
{
    string BaseUrl => links.Value.BaseUrl;

    public string Status(EmailRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{BaseUrl}/status/{signer.Sign(LinkPurpose.Status, r.ApplicationId, r.To.Key, 0, links.Value.StatusLinkLifetime, r.To.Gen)}";
    }

    /// <summary>A revision is counted by review round, a report by its number.</summary>
    public string Upload(EmailRequest r, LinkPurpose purpose, string path)
    {
        ArgumentNullException.ThrowIfNull(r);
        var round = purpose == LinkPurpose.Report ? r.Facts.ReportNumber : r.Round;
        return $"{BaseUrl}/{path}/{signer.Sign(purpose, r.ApplicationId, r.To.Key, round, LifetimeFor(r.Facts), r.To.Gen)}";
    }

    public string Plan(EmailRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{BaseUrl}/plan/{signer.Sign(LinkPurpose.Plan, r.ApplicationId, r.To.Key, r.Round, LifetimeFor(r.Facts))}";
    }

    public string Review(EmailRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{BaseUrl}/review/{signer.Sign(LinkPurpose.Review, r.ApplicationId, r.To.ReviewerId ?? r.To.Key, r.Round, LifetimeFor(r.Facts))}";
    }

    public string Coordinator(EmailRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{BaseUrl}/coordinator/applications/{Uri.EscapeDataString(r.ApplicationId)}";
    }

    /// <summary>Links stay valid a month past the deadline they are about, so a late answer still gets a clear page.</summary>
    TimeSpan LifetimeFor(EmailFacts f) =>
        (f.Deadline is { } d ? d - signer.Now : TimeSpan.Zero) + TimeSpan.FromDays(30);
}
