using System.Net;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>
/// The outbox at /dev/mail shows every signed link that was mailed: only for a developer at their own
/// machine. Seen from outside the process, as a web page elsewhere (DNS rebinding) or a deployment would.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DevOutboxTests(Azurite azurite)
{
    static async Task<HttpStatusCode> GetAsync(SelfHostProcess host, string path, string? hostHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl + path));
        if (hostHeader is not null)
        {
            request.Headers.Host = hostHeader;
        }

        return (await host.Client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task In_development_the_outbox_answers_only_to_its_own_loopback_names()
    {
        await using var host = new SelfHostProcess(azurite);
        await host.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, "/dev/mail.json"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, "/dev/mail.json", $"localhost:{host.Port}"));

        // A page on rebind.example whose name now points at 127.0.0.1 sends its own name as Host.
        Assert.Equal(HttpStatusCode.BadRequest, await GetAsync(host, "/dev/mail.json", "rebind.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await GetAsync(host, "/dev/mail", $"rebind.example:{host.Port}"));
        Assert.Equal(HttpStatusCode.BadRequest, await GetAsync(host, "/", "rebind.example"));
    }

    [Fact]
    public async Task Outside_development_there_is_no_outbox_and_behind_a_tls_proxy_it_is_https()
    {
        await using var host = new SelfHostProcess(azurite, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Coordinator__Credentials__0__User"] = SelfHostFactory.CoordinatorUser,
            ["Coordinator__Credentials__0__PasswordHash"] = SelfHostFactory.PasswordHash,
            ["SelfHost__TrustedProxies__0"] = "127.0.0.1",
        });
        await host.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, "/dev/mail.json"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, "/dev/mail"));

        // The proxy says the browser came in over HTTPS: HSTS, and the form's cookie only over HTTPS.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl + "/coordinator/sign-in"));
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        // Plain HTTP straight to the host: no HSTS (it would be ignored), and the proxy's word is not taken from anyone else.
        var plain = await host.Client.GetAsync(new Uri(host.BaseUrl + "/coordinator/sign-in"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
