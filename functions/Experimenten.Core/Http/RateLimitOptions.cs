using System.ComponentModel.DataAnnotations;

namespace Experimenten.Http;

/// <summary>
/// How much anonymous work one client, one application and one email address may cause (section <c>RateLimits</c>).
/// Each number is an allowance that refills evenly: <c>N</c> per window means at most <c>N</c> at once, then one
/// more every window / <c>N</c>. The defaults never hinder a real residents' group or a community centre behind
/// one address, and stop a script that makes the fund email strangers or fills its storage.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Submissions (<c>POST /api/applications</c>) per client address per <see cref="Window"/>, refused forms included.</summary>
    [Range(1, int.MaxValue)]
    public int SubmissionsPerClient { get; set; } = 10;

    /// <summary>Revised plans and reports uploaded through signed links, per client address.</summary>
    [Range(1, int.MaxValue)]
    public int UploadsPerClient { get; set; } = 20;

    /// <summary>Uploads for one application: one is expected, a few retries after a wrong file are fine.</summary>
    [Range(1, int.MaxValue)]
    public int UploadsPerApplication { get; set; } = 10;

    /// <summary>Contact hand-overs per client address; each sends two emails.</summary>
    [Range(1, int.MaxValue)]
    public int HandOversPerClient { get; set; } = 10;

    /// <summary>Contact hand-overs for one application.</summary>
    [Range(1, int.MaxValue)]
    public int HandOversPerApplication { get; set; } = 5;

    /// <summary>Withdrawal posts per client address (the status page asks to confirm, so one withdrawal is two posts).</summary>
    [Range(1, int.MaxValue)]
    public int WithdrawalsPerClient { get; set; } = 10;

    /// <summary>Withdrawal posts for one application.</summary>
    [Range(1, int.MaxValue)]
    public int WithdrawalsPerApplication { get; set; } = 6;

    /// <summary>Reviewer decisions per client address: one reviewer may work through a whole call in an evening.</summary>
    [Range(1, int.MaxValue)]
    public int DecisionsPerClient { get; set; } = 60;

    /// <summary>Reviewer decisions for one application (a panel of a few reviewers, a few rounds).</summary>
    [Range(1, int.MaxValue)]
    public int DecisionsPerApplication { get; set; } = 20;

    /// <summary>Data requests (the status page's "Mijn gegevens opvragen") per client address; each emails the fund office.</summary>
    [Range(1, int.MaxValue)]
    public int DataRequestsPerClient { get; set; } = 10;

    /// <summary>Data requests for one application: one a day per contact counts, a few retries are fine.</summary>
    [Range(1, int.MaxValue)]
    public int DataRequestsPerApplication { get; set; } = 5;

    /// <summary>The window the numbers above refill over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Submissions that name one email address as a contact, per <see cref="ContactEmailWindow"/>, from any client:
    /// nobody can make the fund mail-bomb a stranger. A welfare worker who helps several groups still fits.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SubmissionsPerContactEmail { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ContactEmailWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A request header that carries the client's address, set by a proxy the fund trusts (e.g. <c>X-Forwarded-For</c>
    /// on Azure, where the Functions host forwards every request). Empty: the connection's own address (the self-host).
    /// Never set this without such a proxy in front: anyone can send the header.
    /// </summary>
    public string ClientAddressHeader { get; set; } = "";
}
