using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Experimenten.Commands;
using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Pages;
using Experimenten.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Experimenten.Http;

/// <summary>The anonymous actions that make the fund store files or send email.</summary>
public enum RateLimitedAction
{
    Submission,
    Upload,
    HandOver,
    Withdrawal,
    Decision,
    DataRequest,
}

/// <summary>
/// One limiter for both hosts: each anonymous action that stores something or sends email is limited per client
/// (remote address; IPv6 by /64, which one household or office gets) and per application. The self-host uses
/// <see cref="Limiter"/> as ASP.NET Core's global limiter; the Functions worker asks it from a middleware.
/// </summary>
/// <remarks>
/// The counts live in this process. The self-host is one process, so they are exact there; on Azure Functions each
/// instance counts on its own, so while the app is scaled out to n instances a client may get up to n times the
/// allowance. That still bounds a flood; a shared store (Redis, Front Door's WAF) would make it exact.
/// </remarks>
public sealed class RateLimits : IDisposable
{
    static readonly object ItemKey = new();

    static readonly Rule[] Rules =
    [
        new(Routes.Applications, RateLimitedAction.Submission, null, Page: false),
        new(Routes.Revision, RateLimitedAction.Upload, LinkPurpose.Revision, Page: true),
        new(Routes.Report, RateLimitedAction.Upload, LinkPurpose.Report, Page: true),
        new(Routes.Contacts, RateLimitedAction.HandOver, null, Page: false),
        new(Routes.StatusContact, RateLimitedAction.HandOver, LinkPurpose.Status, Page: true),
        new(Routes.Withdraw, RateLimitedAction.Withdrawal, null, Page: false),
        new(Routes.StatusWithdraw, RateLimitedAction.Withdrawal, LinkPurpose.Status, Page: true),
        new(Routes.Review, RateLimitedAction.Decision, LinkPurpose.Review, Page: true),
        new(Routes.StatusDataRequest, RateLimitedAction.DataRequest, LinkPurpose.Status, Page: true),
    ];

    readonly RateLimitOptions options;
    readonly LinkSigner signer;
    readonly ILogger<RateLimits> log;
    readonly PartitionedRateLimiter<HttpContext> byClient;
    readonly PartitionedRateLimiter<HttpContext> byApplication;
    readonly PartitionedRateLimiter<string> byRecipient;

    public RateLimits(IOptions<RateLimitOptions> options, LinkSigner signer, ILogger<RateLimits> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.signer = signer;
        this.log = log;
        byClient = PartitionedRateLimiter.Create<HttpContext, Key>(ClientPartition);
        byApplication = PartitionedRateLimiter.Create<HttpContext, Key>(ApplicationPartition);
        byRecipient = PartitionedRateLimiter.Create<string, Key>(email =>
            Bucket(new Key(null, email), this.options.SubmissionsPerContactEmail, this.options.ContactEmailWindow));

        // The client's allowance first: a refused flood then never reaches (and never spends) the application's.
        Limiter = PartitionedRateLimiter.CreateChained(byClient, byApplication);
    }

    /// <summary>Per client, then per application; no limit on anything else.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The action a request is counted as, or null when it is not limited.</summary>
    public RateLimitedAction? ActionOf(HttpContext context) => TargetOf(context)?.Action;

    /// <summary>The 429 answer: a <c>Retry-After</c> header, and a page for browser form posts or a problem for API clients.</summary>
    public async Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var target = TargetOf(context);
        var wait = RetryAfter(lease, options.Window);
        Logs.RateLimited(log, target?.Action.ToString() ?? "unknown", (int)wait.TotalSeconds);
        var request = context.Request;
        context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var lang = Problems.LanguageOf(request);
        var what = WhatText(target?.Action, lang);
        var detail = Problems.Text(lang, "RateLimit.Detail", what, WaitText(wait, lang));
        var title = Problems.Text(lang, "RateLimit.Title");
        IResult result = target is { Page: true } || (target?.Action == RateLimitedAction.Submission && AsksForPage(request))
            ? Page(context, lang, title, detail, target)
            : Problems.Create(StatusCodes.Status429TooManyRequests, "too-many-requests", title, detail,
                extensions: new Dictionary<string, object?> { ["retryAfter"] = (int)wait.TotalSeconds });
        await result.ExecuteAsync(context);
    }

    /// <summary>
    /// Counts a validated submission against each contact address it names. Null when every address still has
    /// room; otherwise a 429 refusal with the address fields in error (the form shows them next to the fields).
    /// </summary>
    public Refusal? RefuseContacts(HttpRequest request, string lang, ApplicationForm application)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        var errors = new Dictionary<string, string[]>();
        var wait = TimeSpan.Zero;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, email) in new[] { ("residentContactEmail", application.ResidentContact.Email), ("welfareContactEmail", application.WelfareContact.Email) })
        {
            var key = MailboxKey(email);
            if (!counted.Add(key))
            {
                continue;
            }

            using var lease = byRecipient.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                wait = Max(wait, RetryAfter(lease, options.ContactEmailWindow));
                errors[field] = [Problems.Text(lang, "RateLimit.Address.Field")];
            }
        }

        if (errors.Count == 0)
        {
            return null;
        }

        Logs.RateLimited(log, "ContactEmail", (int)wait.TotalSeconds);
        request.HttpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new Refusal(RefusalKind.Invalid, "too-many-for-address", Problems.Text(lang, "RateLimit.Address.Title"), Problems.Text(lang, "RateLimit.Address.Detail", WaitText(wait, lang)))
        {
            Errors = errors,
            Status = StatusCodes.Status429TooManyRequests,
            Extensions = new Dictionary<string, object?> { ["retryAfter"] = (int)wait.TotalSeconds },
        };
    }

    /// <summary>The key of the client a request comes from, as every limit counts it (the sign-in throttle too).</summary>
    public string ClientOf(HttpContext context) => ClientKey(ClientAddress(context));

    /// <summary>
    /// The key of a client: its address, an IPv6 address by its /64 (a household or office gets a whole /64, so
    /// counting single addresses would let one client rotate through billions).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>One mailbox however it is spelled: case and a "+tag" deliver to the same person.</summary>
    public static string MailboxKey(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return address;
        }

        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return (plus > 0 ? local[..plus] : local) + address[at..];
    }

    public void Dispose()
    {
        Limiter.Dispose();
        byClient.Dispose();
        byApplication.Dispose();
        byRecipient.Dispose();
    }

    RateLimitPartition<Key> ClientPartition(HttpContext context)
    {
        if (TargetOf(context) is not { } target)
        {
            return RateLimitPartition.GetNoLimiter(Key.None);
        }

        var permits = target.Action switch
        {
            RateLimitedAction.Submission => options.SubmissionsPerClient,
            RateLimitedAction.Upload => options.UploadsPerClient,
            RateLimitedAction.HandOver => options.HandOversPerClient,
            RateLimitedAction.Withdrawal => options.WithdrawalsPerClient,
            RateLimitedAction.DataRequest => options.DataRequestsPerClient,
            _ => options.DecisionsPerClient,
        };
        return Bucket(new Key(target.Action, "client:" + target.Client), permits, options.Window);
    }

    RateLimitPartition<Key> ApplicationPartition(HttpContext context)
    {
        if (TargetOf(context) is not { Application: { } application } target)
        {
            return RateLimitPartition.GetNoLimiter(Key.None);
        }

        var permits = target.Action switch
        {
            RateLimitedAction.Upload => options.UploadsPerApplication,
            RateLimitedAction.HandOver => options.HandOversPerApplication,
            RateLimitedAction.Withdrawal => options.WithdrawalsPerApplication,
            RateLimitedAction.DataRequest => options.DataRequestsPerApplication,
            _ => options.DecisionsPerApplication,
        };
        return Bucket(new Key(target.Action, "application:" + application), permits, options.Window);
    }

    // A token bucket, not a fixed window: a real user who hits the limit waits window/permits, not a whole window,
    // and its Retry-After is what the limiter really needs.
    static RateLimitPartition<Key> Bucket(Key key, int permits, TimeSpan window) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Max(window / permits, TimeSpan.FromMilliseconds(1)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>Which action a request is and whom it counts against; worked out once per request.</summary>
    Target? TargetOf(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known))
        {
            return (Target?)known;
        }

        var target = Describe(context);
        context.Items[ItemKey] = target;
        return target;
    }

    Target? Describe(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        foreach (var rule in Rules)
        {
            var values = new RouteValueDictionary();
            if (rule.Matcher.TryMatch(request.Path, values))
            {
                return new Target(rule.Action, ClientKey(ClientAddress(context)), ApplicationOf(rule, values, request), rule.Page);
            }
        }

        return null;
    }

    /// <summary>
    /// The application a request is for, only when a genuine link says so: a forged or expired token, or an id
    /// without its status token, counts against the client alone, so nobody can spend someone else's allowance.
    /// </summary>
    string? ApplicationOf(Rule rule, RouteValueDictionary values, HttpRequest request)
    {
        if (rule.Purpose is { } purpose)
        {
            var check = signer.Check(values["token"] as string, purpose);
            return check.Result == LinkCheckResult.Valid ? check.Claims!.ApplicationId : null;
        }

        if (values["id"] is string id)
        {
            return signer.Check(request.Query["token"].ToString(), LinkPurpose.Status).IsValidFor(id) ? id : null;
        }

        return null;
    }

    IPAddress? ClientAddress(HttpContext context)
    {
        if (options.ClientAddressHeader.Length > 0)
        {
            // Each proxy appends the address it saw, so the client's own entries (which it can forge) stand to the left.
            // From the right, the platform's hops (loopback, private ranges) are skipped: the first public address is
            // the one the internet-facing proxy saw. Without one, the client is on a private network: its nearest hop.
            var entries = context.Request.Headers[options.ClientAddressHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            IPAddress? nearestPrivate = null;
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                if (ParseAddress(entries[i]) is not { } address || IPAddress.IsLoopback(address))
                {
                    continue;
                }

                if (!IsPrivate(address))
                {
                    return address;
                }

                nearestPrivate ??= address;
            }

            if (nearestPrivate is not null)
            {
                return nearestPrivate;
            }
        }

        return context.Connection.RemoteIpAddress;
    }

    static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 169 && b[1] == 254);
    }

    static IPAddress? ParseAddress(string entry) =>
        IPAddress.TryParse(entry, out var plain) ? plain
        : IPEndPoint.TryParse(entry, out var withPort) ? withPort.Address
        : null;

    /// <summary>The no-JavaScript form asks for pages; its fields are not read yet, but a browser navigating asks for HTML.</summary>
    static bool AsksForPage(HttpRequest request) =>
        SubmissionPage.WantsHtml(request)
        || request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolved per request: the renderer needs the request's services, and the limiter is made before them.</summary>
    static IResult Page(HttpContext context, string lang, string title, string detail, Target? target)
    {
        var path = context.Request.Path.Value ?? "/";
        var back = target?.Action == RateLimitedAction.Submission ? "/" : path.EndsWith("/withdraw", StringComparison.Ordinal) || path.EndsWith("/contact", StringComparison.Ordinal) || path.EndsWith("/data-request", StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;
        var hint = Problems.Text(lang, target?.Action == RateLimitedAction.Submission ? "RateLimit.Hint.Submission" : "RateLimit.Hint.Link");
        return context.RequestServices.GetRequiredService<PageRenderer>().Page<RateLimitedPage>(lang, new Dictionary<string, object?>
        {
            [nameof(RateLimitedPage.Title)] = title,
            [nameof(RateLimitedPage.Detail)] = detail,
            [nameof(RateLimitedPage.Hint)] = hint,
            [nameof(RateLimitedPage.Back)] = back,
            [nameof(RateLimitedPage.BackText)] = Problems.Text(lang, "RateLimit.Back"),
        }, new PageResponse { Status = StatusCodes.Status429TooManyRequests, CarriesToken = target is { Page: true } });
    }

    static string WhatText(RateLimitedAction? action, string lang) =>
        Problems.Text(lang, $"RateLimit.What.{action?.ToString() ?? "Other"}");

    static string WaitText(TimeSpan wait, string lang)
    {
        if (wait < TimeSpan.FromMinutes(2))
        {
            return Problems.Text(lang, "RateLimit.Wait.Seconds", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        }

        if (wait < TimeSpan.FromHours(2))
        {
            return Problems.Text(lang, "RateLimit.Wait.Minutes", (int)Math.Ceiling(wait.TotalMinutes));
        }

        return Problems.Text(lang, "RateLimit.Wait.Hours", (int)Math.Ceiling(wait.TotalHours));
    }

    /// <summary>Whole seconds, at least one; the limiter's own estimate, else the window as the safe answer.</summary>
    static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan window)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    readonly record struct Key(RateLimitedAction? Action, string Subject)
    {
        public static readonly Key None = new(null, "");
    }

    sealed record Target(RateLimitedAction Action, string Client, string? Application, bool Page);

    sealed record Rule(string Template, RateLimitedAction Action, LinkPurpose? Purpose, bool Page)
    {
        public TemplateMatcher Matcher { get; } = new(TemplateParser.Parse(Template), new RouteValueDictionary());
    }
}
