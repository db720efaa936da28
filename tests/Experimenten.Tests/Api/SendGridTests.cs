using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Api;

/// <summary>Email through the real SendGrid SDK, pointed at a fake SendGrid server in this test.</summary>
[Collection(StorageCollection.Name)]
public sealed class SendGridTests(Azurite azurite) : IAsyncLifetime
{
    readonly FakeSendGrid sendGrid = new();
    SelfHostFactory host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await sendGrid.StartAsync();
        host = new SelfHostFactory(azurite, b =>
        {
            b.UseSetting("SendGrid:ApiKey", "SG.test-key-not-a-secret");
            b.UseSetting("SendGrid:Host", sendGrid.Url);
            b.UseSetting("Email:From", "fonds@example.org");
        });
        client = await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task A_429_and_a_500_are_retried_with_backoff_and_each_contact_still_gets_exactly_one_email()
    {
        sendGrid.Answer(429, 500);

        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        static bool IsConfirmation(FakeSendGrid.Received r) => r.Key.Contains("|Received|", StringComparison.Ordinal);
        await Wait.UntilAsync(() => Task.FromResult(sendGrid.Delivered.Count(IsConfirmation) >= 2), TimeSpan.FromSeconds(60), "both confirmations delivered");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Contains(sendGrid.Requests, r => r.Status == 429);
        Assert.Contains(sendGrid.Requests, r => r.Status == 500);
        var delivered = sendGrid.Delivered.Where(IsConfirmation).ToList();
        Assert.Equal(["anna@example.org", "bram@example.org"], delivered.Select(r => r.To).Order());
        Assert.Equal(2, delivered.Select(r => r.Key).Distinct().Count());

        var mail = delivered[0].Body;
        Assert.Equal("Bearer SG.test-key-not-a-secret", delivered[0].Authorization);
        Assert.Equal("fonds@example.org", mail.GetProperty("from").GetProperty("email").GetString());
        Assert.StartsWith("Aanvraag ontvangen", mail.GetProperty("personalizations")[0].GetProperty("subject").GetString(), StringComparison.Ordinal);
        var types = mail.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ToList();
        Assert.Equal(["text/plain", "text/html"], types);
        Assert.Contains(id, mail.GetProperty("content")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.False(mail.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean(), "click tracking would rewrite signed links");

        // Without an API key there is an outbox viewer; with one, there is none.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/dev/mail.json", UriKind.Relative))).StatusCode);
        Assert.Empty(await host.MailForAsync(id));
    }
}
