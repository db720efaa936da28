using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Privacy;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Privacy;

/// <summary>What an applicant agreed to is recorded: the consent text's version, kept in step with the text.</summary>
public sealed class ConsentTextTests
{
    [Fact]
    public void The_consent_version_changes_whenever_the_consent_text_does()
    {
        var hash = Consent.CurrentHash();
        Assert.True(hash == Consent.TextHash,
            $"The consent text (ApplicantText {string.Join(", ", Consent.Keys)}, nl or en) changed: give Consent.Version a new value and set Consent.TextHash to \"{hash}\".");
    }

    [Fact]
    public void The_consent_text_says_what_is_kept_why_and_for_how_long()
    {
        var text = Text.Catalogue.For<Text.ApplicantText>();
        using var _ = Text.TextCulture.Use("nl");
        var words = text["Form.Consent.Text"].Value;
        foreach (var part in new[] { "namen", "e-mailadressen", "plan", "beoordelingen", "beslissen", "24 maanden" })
        {
            Assert.Contains(part, words, StringComparison.Ordinal);
        }
    }
}

[Collection(StorageCollection.Name)]
public sealed class ConsentRecordTests(Azurite azurite) : IAsyncLifetime
{
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_consent_version_is_stored_at_submission_and_shown_to_the_coordinator()
    {
        var app = await PrivacyFlow.SubmitAsync(client, withFile: false);
        Assert.Equal(Consent.Version, (await host.ReadModel.GetAsync(app.Id, default))!.ConsentVersion);
        var detail = await host.CoordinatorClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/coordinator/applications/{app.Id}", UriKind.Relative));
        Assert.Equal(Consent.Version, detail.GetProperty("consentVersion").GetString());
        var page = await host.CoordinatorClient().GetStringAsync(new Uri($"/coordinator/applications/{app.Id}", UriKind.Relative));
        Assert.Contains(Consent.Version, page, StringComparison.Ordinal);
        Assert.Contains("24 maanden", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}
