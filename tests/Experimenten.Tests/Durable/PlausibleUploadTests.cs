using Experimenten.Links;
using Experimenten.SelfHost.Durable;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Durable;

/// <summary>
/// Only an upload that can be real holds the front door (and so the durable backend's background work): junk posted
/// by anyone must not keep every confirmation and reminder waiting.
/// </summary>
public sealed class PlausibleUploadTests
{
    [Theory]
    [InlineData("multipart/form-data; boundary=x", 1_000L, null, true)]
    [InlineData("multipart/form-data; boundary=x", null, "chunked", true)]
    [InlineData("multipart/form-data; boundary=x", null, null, false)]
    [InlineData("multipart/form-data; boundary=x", 0L, null, false)]
    [InlineData("multipart/form-data; boundary=x", SubmissionLimits.MaxBodyBytes + 1, null, false)]
    [InlineData("application/json", 1_000L, null, false)]
    public void A_submission_counts_only_as_a_multipart_body_that_fits(string contentType, long? length, string? transfer, bool counts)
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = contentType;
        request.ContentLength = length;
        if (transfer is not null)
        {
            request.Headers.TransferEncoding = transfer;
        }

        Assert.Equal(counts, PlausibleUpload.Counts(request, Signer, purpose: null));
    }

    [Fact]
    public void An_upload_through_a_forged_link_does_not_count()
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = "multipart/form-data; boundary=x";
        request.ContentLength = 1_000;
        request.RouteValues["token"] = "forged.token";

        Assert.False(PlausibleUpload.Counts(request, Signer, LinkPurpose.Revision));
    }

    static readonly LinkSigner Signer = new(Options.Create(new LinksOptions { SigningKey = "50E7RYTpl1q0zmwRxVnbpazd4TmYb2OXP7TgOZUbh5AIgwrc/KfEQhuEwMwis8Yc" }), TimeProvider.System);
}
