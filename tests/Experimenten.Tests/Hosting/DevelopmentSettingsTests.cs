using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>
/// Development settings are where a .NET developer looks for them: <c>dotnet user-secrets</c> (the self-host's
/// <c>UserSecretsId</c>) is read in the Development environment, which is how <c>./start.sh</c> runs it.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DevelopmentSettingsTests(Azurite azurite)
{
    [Fact]
    public async Task A_coordinator_password_kept_in_user_secrets_signs_in_on_a_development_host()
    {
        var home = Directory.CreateTempSubdirectory("experimenten-home-").FullName;
        try
        {
            // What `dotnet user-secrets set Coordinator:Credentials:0:PasswordHash …` writes.
            var secrets = Path.Combine(home, ".microsoft", "usersecrets", "experimenten-selfhost");
            Directory.CreateDirectory(secrets);
            await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Coordinator:Credentials:0:User"] = "ontwikkelaar",
                ["Coordinator:Credentials:0:PasswordHash"] = SelfHostFactory.PasswordHash,
            }));

            await using var host = new SelfHostProcess(azurite, new Dictionary<string, string> { ["HOME"] = home });
            await host.StartAsync();

            Assert.Equal(HttpStatusCode.OK, await ListAsync(host, "ontwikkelaar"));
            Assert.Equal(HttpStatusCode.Unauthorized, await ListAsync(host, "coordinator"));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    static async Task<HttpStatusCode> ListAsync(SelfHostProcess host, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl + "/api/coordinator/applications"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{SelfHostFactory.CoordinatorPassword}")));
        return (await host.Client.SendAsync(request)).StatusCode;
    }
}
