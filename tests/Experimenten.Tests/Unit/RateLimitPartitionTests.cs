using System.ComponentModel.DataAnnotations;
using System.Net;
using Experimenten.Http;
using Experimenten.Links;
using Experimenten.SelfHost.Durable;
using Experimenten.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Unit;

/// <summary>Whom a request counts against, worked out without a host: the partition keys an attacker would try to dodge.</summary>
public sealed class RateLimitPartitionTests
{
    static readonly LinkSigner Signer = new(Options.Create(new LinksOptions { SigningKey = "unit-test-signing-key-that-is-long-enough-0123" }), TimeProvider.System);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_its_address_and_an_ipv6_client_its_64(string address, string key) =>
        Assert.Equal(key, RateLimits.ClientKey(IPAddress.Parse(address)));

    [Theory]
    [InlineData("Anna@Example.org", "anna@example.org")]
    [InlineData(" anna+fund@example.org ", "anna@example.org")]
    [InlineData("anna.de.vries@example.org", "anna.de.vries@example.org")]
    public void One_mailbox_however_it_is_spelled(string email, string key) => Assert.Equal(key, RateLimits.MailboxKey(email));

    [Theory]
    [InlineData("POST", "/api/applications", RateLimitedAction.Submission)]
    [InlineData("POST", "/API/Applications/", RateLimitedAction.Submission)]
    [InlineData("POST", "/revision/abc", RateLimitedAction.Upload)]
    [InlineData("POST", "/report/abc", RateLimitedAction.Upload)]
    [InlineData("POST", "/api/applications/exp-1/contacts", RateLimitedAction.HandOver)]
    [InlineData("POST", "/status/abc/contact", RateLimitedAction.HandOver)]
    [InlineData("POST", "/api/applications/exp-1/withdraw", RateLimitedAction.Withdrawal)]
    [InlineData("POST", "/status/abc/withdraw", RateLimitedAction.Withdrawal)]
    [InlineData("POST", "/review/abc", RateLimitedAction.Decision)]
    [InlineData("GET", "/review/abc", null)]
    [InlineData("GET", "/api/applications/exp-1", null)]
    [InlineData("POST", "/api/coordinator/applications/exp-1/cancel", null)]
    public void Routing_spells_paths_loosely_and_the_limiter_does_too(string method, string path, RateLimitedAction? action)
    {
        using var limits = Limits(new RateLimitOptions());
        Assert.Equal(action, limits.ActionOf(Request(method, path, "203.0.113.7")));
    }

    [Fact]
    public void Addresses_in_one_ipv6_64_share_an_allowance_and_other_clients_keep_theirs()
    {
        using var limits = Limits(new RateLimitOptions { SubmissionsPerClient = 2 });
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "2001:db8:1:2::1")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "2001:db8:1:2::2")));
        Assert.False(Acquire(limits, Request("POST", "/api/applications", "2001:db8:1:2:ffff::3")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "2001:db8:1:3::1")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "203.0.113.7")));
    }

    [Fact]
    public void Only_a_genuine_link_spends_the_applications_allowance()
    {
        using var limits = Limits(new RateLimitOptions { DecisionsPerApplication = 2 });
        var genuine = Signer.Sign(LinkPurpose.Review, "exp-1", "r1", 1, TimeSpan.FromDays(1));
        var forged = genuine[..^4] + "AAAA";
        var otherPurpose = Signer.Sign(LinkPurpose.Status, "exp-1", "resident", 0, TimeSpan.FromDays(1));
        for (var i = 0; i < 20; i++)
        {
            Assert.True(Acquire(limits, Request("POST", "/review/" + (i % 2 == 0 ? forged : otherPurpose), $"198.51.100.{i + 1}")));
        }

        Assert.True(Acquire(limits, Request("POST", "/review/" + genuine, "192.0.2.1")));
        Assert.True(Acquire(limits, Request("POST", "/review/" + genuine, "192.0.2.2")));
        Assert.False(Acquire(limits, Request("POST", "/review/" + genuine, "192.0.2.3")));
    }

    [Fact]
    public void An_id_in_the_path_counts_for_its_application_only_with_its_status_link()
    {
        using var limits = Limits(new RateLimitOptions { WithdrawalsPerApplication = 1 });
        var token = Uri.EscapeDataString(Signer.Sign(LinkPurpose.Status, "exp-1", "resident", 0, TimeSpan.FromDays(1)));
        Assert.True(Acquire(limits, Request("POST", "/api/applications/exp-1/withdraw", "198.51.100.1")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications/exp-1/withdraw", "198.51.100.2", "?token=forged")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications/exp-2/withdraw", "198.51.100.3", "?token=" + token)));
        Assert.True(Acquire(limits, Request("POST", "/api/applications/exp-1/withdraw", "198.51.100.4", "?token=" + token)));
        Assert.False(Acquire(limits, Request("POST", "/api/applications/exp-1/withdraw", "198.51.100.5", "?token=" + token)));
    }

    [Fact]
    public void Behind_a_trusted_proxy_the_client_is_the_address_it_appended()
    {
        using var limits = Limits(new RateLimitOptions { SubmissionsPerClient = 1, ClientAddressHeader = "X-Forwarded-For" });

        // What the client wrote itself stands to the left; the proxy's entry (with its port) is the last public one,
        // whatever the platform's own hops (private, loopback) add after it.
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "198.51.100.99, 203.0.113.7:50123, 10.0.0.4, 127.0.0.1")));
        Assert.False(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "192.0.2.50, 203.0.113.7:50999, 100.64.1.2")));
        Assert.False(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "203.0.113.7")));
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "203.0.113.7, [2001:db8::1]:443")));

        // Only private hops: a client on the fund's own network, counted by its nearest hop.
        Assert.True(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "10.1.1.1, 172.16.0.9")));
        Assert.False(Acquire(limits, Request("POST", "/api/applications", "127.0.0.1", forwarded: "10.2.2.2, 172.16.0.9")));
    }

    [Fact]
    public void A_limit_of_zero_or_a_window_of_nothing_stops_the_host_at_start()
    {
        Assert.Empty(Invalid(new RateLimitOptions()));
        Assert.Contains(nameof(RateLimitOptions.SubmissionsPerClient), Invalid(new RateLimitOptions { SubmissionsPerClient = 0 }));
        Assert.Contains(nameof(RateLimitOptions.Window), Invalid(new RateLimitOptions { Window = TimeSpan.Zero }));
    }

    [Fact]
    public void A_plausible_upload_has_a_genuine_link_of_its_purpose_or_a_multipart_body_that_fits()
    {
        var revision = Signer.Sign(LinkPurpose.Revision, "exp-1", "", 1, TimeSpan.FromDays(1));
        var expired = Signer.Sign(LinkPurpose.Revision, "exp-1", "", 1, TimeSpan.FromSeconds(-1));
        Assert.True(PlausibleUpload.Counts(Upload(revision, 1000), Signer, LinkPurpose.Revision));
        Assert.False(PlausibleUpload.Counts(Upload(revision, 1000), Signer, LinkPurpose.Report));
        Assert.False(PlausibleUpload.Counts(Upload(expired, 1000), Signer, LinkPurpose.Revision));
        Assert.False(PlausibleUpload.Counts(Upload("v1.forged.token", 1000), Signer, LinkPurpose.Revision));
        Assert.False(PlausibleUpload.Counts(Upload(revision, SubmissionLimits.MaxBodyBytes + 1), Signer, LinkPurpose.Revision));

        Assert.True(PlausibleUpload.Counts(Upload(null, 1000), Signer, null));
        Assert.False(PlausibleUpload.Counts(Upload(null, 0), Signer, null));
        Assert.False(PlausibleUpload.Counts(Upload(null, 1000, "text/plain"), Signer, null));
        Assert.False(PlausibleUpload.Counts(Upload(null, null), Signer, null));
        var chunked = Upload(null, null);
        chunked.Headers.TransferEncoding = "chunked";
        Assert.True(PlausibleUpload.Counts(chunked, Signer, null));
    }

    static RateLimits Limits(RateLimitOptions options) => new(Options.Create(options), Signer, NullLogger<RateLimits>.Instance);

    static bool Acquire(RateLimits limits, HttpContext context)
    {
        using var lease = limits.Limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    static DefaultHttpContext Request(string method, string path, string client, string query = "", string? forwarded = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length > 0 ? query : null);
        context.Connection.RemoteIpAddress = IPAddress.Parse(client);
        if (forwarded is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        return context;
    }

    static HttpRequest Upload(string? token, long? length, string contentType = "multipart/form-data; boundary=x")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = length;
        if (token is not null)
        {
            context.Request.RouteValues["token"] = token;
        }

        return context.Request;
    }

    static List<string> Invalid(RateLimitOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(r => r.MemberNames)];
    }
}
