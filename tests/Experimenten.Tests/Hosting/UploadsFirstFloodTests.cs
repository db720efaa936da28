using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Experimenten.Links;
using Experimenten.SelfHost.Durable;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Hosting;

/// <summary>Only a plausible upload pauses the self-host's background work; junk and forged links do not.</summary>
[Collection(StorageCollection.Name)]
public sealed class UploadsFirstFloodTests(Azurite azurite)
{
    [Fact]
    public async Task A_flood_of_junk_posts_with_forged_tokens_never_pauses_background_work()
    {
        await using var host = new SelfHostFactory(azurite);
        var client = await host.StartAsync();
        var door = host.Services.GetRequiredService<FrontDoor>();
        var signer = host.Services.GetRequiredService<LinkSigner>();
        var pauses = 0;
        door.BusyChanged += busy => pauses += busy ? 1 : 0;

        // A genuine link of another purpose, and an expired genuine one, are as good as forged here.
        var wrongPurpose = signer.Sign(LinkPurpose.Status, "exp-0000", "resident", 1, TimeSpan.FromDays(1));
        var expired = signer.Sign(LinkPurpose.Report, "exp-0000", "", 1, TimeSpan.FromSeconds(-1));
        string[] tokens = ["v1.forged.token", "not-a-token", wrongPurpose, expired];
        for (var i = 0; i < 40; i++)
        {
            var path = (i % 2 == 0 ? "/revision/" : "/report/") + Uri.EscapeDataString(tokens[i % tokens.Length]);
            using var upload = Multipart();
            Assert.NotEqual(HttpStatusCode.Accepted, (await client.PostAsync(new Uri(path, UriKind.Relative), upload)).StatusCode);
        }

        // Submissions that cannot be one: not multipart, empty, or declaring more than the limit.
        for (var i = 0; i < 20; i++)
        {
            using var junk = new StringContent(new string('x', 1000), Encoding.UTF8, i % 2 == 0 ? "text/plain" : "application/json");
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(new Uri("/api/applications", UriKind.Relative), junk)).StatusCode);
        }

        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await client.PostAsync(new Uri("/api/applications", UriKind.Relative), empty);
        using var oversized = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/applications", UriKind.Relative)) { Content = Multipart() };
        oversized.Content.Headers.ContentLength = Submission.SubmissionLimits.MaxBodyBytes + 1;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(oversized)).StatusCode);

        Assert.Equal(0, pauses);
        Assert.False(door.IsBusy);

        // A real submission still goes first.
        var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf").ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, pauses);
    }

    static MultipartFormDataContent Multipart()
    {
        var content = new MultipartFormDataContent { { new StringContent("junk"), "text" } };
        content.Add(new ByteArrayContent(TestApplication.Pdf(4096)), "file", "junk.pdf");
        return content;
    }
}
