using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>Stopping the host at any moment loses nothing: kill -9 right after a 202, then start again.</summary>
[Collection(StorageCollection.Name)]
public sealed class CrashRecoveryTests(Azurite azurite)
{
    [Fact]
    public async Task An_application_accepted_just_before_a_kill_9_is_there_after_restart_and_confirmed_exactly_once()
    {
        await using var host = new SelfHostProcess(azurite);
        await host.StartAsync();

        var response = await host.Client.PostAsync(new Uri($"{host.BaseUrl}/api/applications"), new TestApplication().WithFile(TestApplication.Pdf(), "plan.pdf").ToContent());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        await host.KillAsync();

        await host.StartAsync();
        async Task<JsonElement[]> MailAsync() =>
            [.. (await host.Client.GetFromJsonAsync<JsonElement[]>(new Uri($"{host.BaseUrl}/dev/mail.json")))!
                .Where(m => m.GetProperty("applicationId").GetString() == accepted.GetProperty("id").GetString()
                    && m.GetProperty("key").GetString()!.Contains("|Received|", StringComparison.Ordinal))];
        await Wait.UntilAsync(async () => (await MailAsync()).Length >= 2, TimeSpan.FromSeconds(90), "the confirmations arrive after the restart");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var mail = await MailAsync();
        Assert.Equal(["anna@example.org", "bram@example.org"], mail.Select(m => m.GetProperty("to").GetString()).Order());
        var status = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(accepted.GetProperty("statusUrl").GetString()!));
        Assert.Equal("InReview", status.GetProperty("stage").GetString());
        Assert.Contains(status.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("text").GetString()!.Contains("uitgenodigd", StringComparison.Ordinal));
    }
}
