using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Hosting;

/// <summary>The real self-host process will not serve links signed with a key anyone can rebuild.</summary>
[Collection(StorageCollection.Name)]
public sealed class SigningKeyStartTests(Azurite azurite)
{
    [Fact]
    public async Task The_self_host_refuses_to_start_with_an_unresolved_key_vault_reference_and_says_what_to_set()
    {
        await using var host = new SelfHostProcess(azurite, new Dictionary<string, string>
        {
            ["Links__SigningKey"] = "@Microsoft.KeyVault(VaultName=kv-experimenten;SecretName=Links--SigningKey)",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("exited", error.Message, StringComparison.Ordinal);

        // The output is read asynchronously and may still be arriving after the exit.
        await Wait.UntilAsync(() => Task.FromResult(host.Output.Contains("openssl rand -base64 48", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the refusal names what to set:\n" + host.Output);
        Assert.Contains("unresolved Key Vault reference", host.Output, StringComparison.Ordinal);
        Assert.Contains("Links__SigningKey", host.Output, StringComparison.Ordinal);
    }
}
