using Experimenten.Links;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Unit;

public sealed class LinkSignerTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    static (LinkSigner Signer, Clock Clock) Create(string key = "50E7RYTpl1q0zmwRxVnbpazd4TmYb2OXP7TgOZUbh5AIgwrc/KfEQhuEwMwis8Yc")
    {
        var clock = new Clock(Start);
        return (new LinkSigner(Options.Create(new LinksOptions { SigningKey = key }), clock), clock);
    }

    [Fact]
    public void A_genuine_token_is_accepted_for_its_purpose_and_application_only()
    {
        var (signer, _) = Create();
        var token = signer.Sign(LinkPurpose.Review, "exp-abc", "reviewer:r1", 2, TimeSpan.FromDays(14));

        var check = signer.Check(token, LinkPurpose.Review);
        Assert.True(check.IsValidFor("exp-abc"));
        Assert.Equal("reviewer:r1", check.Claims!.Subject);
        Assert.Equal(2, check.Claims.Round);
        Assert.False(check.IsValidFor("exp-other"));
        Assert.Equal(LinkCheckResult.Invalid, signer.Check(token, LinkPurpose.Status).Result);
    }

    [Fact]
    public void An_expired_token_is_refused_but_still_says_whose_it_was()
    {
        var (signer, clock) = Create();
        var token = signer.Sign(LinkPurpose.Status, "exp-abc", "resident", 0, TimeSpan.FromHours(1));
        clock.Now = Start.AddHours(1);

        var check = signer.Check(token, LinkPurpose.Status);
        Assert.Equal(LinkCheckResult.Expired, check.Result);
        Assert.False(check.IsValidFor("exp-abc"));
        Assert.Equal("exp-abc", check.Claims!.ApplicationId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1.x.y")]
    [InlineData("v2.e30.AAAA")]
    public void Malformed_tokens_are_refused(string token)
    {
        var (signer, _) = Create();
        Assert.Equal(LinkCheckResult.Invalid, signer.Check(token, LinkPurpose.Status).Result);
    }

    [Fact]
    public void A_token_with_changed_claims_or_another_key_is_refused()
    {
        var (signer, _) = Create();
        var token = signer.Sign(LinkPurpose.Status, "exp-abc", "resident", 0, TimeSpan.FromDays(1));
        var parts = token.Split('.');
        var other = signer.Sign(LinkPurpose.Status, "exp-xyz", "resident", 0, TimeSpan.FromDays(1)).Split('.');

        Assert.Equal(LinkCheckResult.Invalid, signer.Check($"{parts[0]}.{other[1]}.{parts[2]}", LinkPurpose.Status).Result);
        var (stranger, _) = Create("a-completely-different-key-0123456789");
        Assert.Equal(LinkCheckResult.Invalid, stranger.Check(token, LinkPurpose.Status).Result);
    }

    [Fact]
    public void A_rotated_key_keeps_links_in_flight_working_and_signs_nothing_new()
    {
        const string OldKey = "50E7RYTpl1q0zmwRxVnbpazd4TmYb2OXP7TgOZUbh5AIgwrc/KfEQhuEwMwis8Yc";
        const string NewKey = "kQ2m7Zr9vXw4Lc1Tn8Bd6Hf3Jp0Sy5Ue2Wa7Ri4Gt9Mx1Ko3Vb8Nc6Pz0Lq2Dh5";
        var clock = new Clock(Start);
        var before = new LinkSigner(Options.Create(new LinksOptions { SigningKey = OldKey }), clock);
        var inFlight = before.Sign(LinkPurpose.Review, "exp-abc", "r1", 1, TimeSpan.FromDays(14));

        var rotated = new LinksOptions { SigningKey = NewKey };
        rotated.PreviousSigningKeys.Add(OldKey);
        var during = new LinkSigner(Options.Create(rotated), clock);
        Assert.True(during.Check(inFlight, LinkPurpose.Review).IsValidFor("exp-abc"));

        // New links carry the new key only: once the old key is removed, they still work and the old ones do not.
        var fresh = during.Sign(LinkPurpose.Review, "exp-abc", "r1", 1, TimeSpan.FromDays(14));
        var after = new LinkSigner(Options.Create(new LinksOptions { SigningKey = NewKey }), clock);
        Assert.True(after.Check(fresh, LinkPurpose.Review).IsValidFor("exp-abc"));
        Assert.Equal(LinkCheckResult.Invalid, after.Check(inFlight, LinkPurpose.Review).Result);
        Assert.Equal(LinkCheckResult.Invalid, before.Check(fresh, LinkPurpose.Review).Result);
    }
}
