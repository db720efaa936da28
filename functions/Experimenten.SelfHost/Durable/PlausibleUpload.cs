using Experimenten.Links;
using Experimenten.Submission;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// Which requests may hold the <see cref="FrontDoor"/>: only an upload that can be real. Anyone can post junk or a
/// forged link; if that counted, a trickle of it would keep every confirmation and reminder waiting.
/// </summary>
public static class PlausibleUpload
{
    /// <summary>
    /// An upload through a signed link (<paramref name="purpose"/> Revision or Report) needs a genuine, unexpired token
    /// of that purpose; a submission (<paramref name="purpose"/> null) needs a multipart body that fits the limits.
    /// </summary>
    public static bool Counts(HttpRequest request, LinkSigner signer, LinkPurpose? purpose)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        if (!FitsBody(request))
        {
            return false;
        }

        if (purpose is { } linked)
        {
            return signer.Check(request.RouteValues["token"] as string, linked).Result == LinkCheckResult.Valid;
        }

        return (request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
    }

    // A declared length must fit; without one only a chunked body can be an upload at all.
    static bool FitsBody(HttpRequest request) => request.ContentLength switch
    {
        { } length => length is > 0 and <= SubmissionLimits.MaxBodyBytes,
        null => request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase),
    };
}
