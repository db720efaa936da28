using System.Security.Cryptography;
using Experimenten.Links;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Unit;

public sealed class SigningKeyValidatorTests
{
    const string KeyVaultReference = "@Microsoft.KeyVault(VaultName=kv-experimenten-prod;SecretName=Links--SigningKey)";

    static ValidateOptionsResult Validate(string key) =>
        new SigningKeyValidator().Validate(Options.DefaultName, new LinksOptions { SigningKey = key });

    public static TheoryData<string> GoodKeys() => new()
    {
        // What the self-host generates (LocalSigningKey) and what docs/deploy.md tells operators to set.
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // openssl rand -hex 32
        Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
        SelfHostFactory.SigningKey,
    };

    [Theory]
    [MemberData(nameof(GoodKeys))]
    public void Random_keys_are_accepted(string key) =>
        Assert.True(Validate(key).Succeeded, Validate(key).FailureMessage);

    [Fact]
    public void A_thousand_generated_keys_are_all_accepted()
    {
        // The self-host makes its key once and keeps it: a rule that refused one in a few hundred would strand a user.
        for (var i = 0; i < 1000; i++)
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            Assert.True(Validate(key).Succeeded, key + ": " + Validate(key).FailureMessage);
        }
    }

    [Theory]
    [InlineData("", "is not set")]
    [InlineData("   ", "is not set")]
    [InlineData(KeyVaultReference, "unresolved Key Vault reference")]
    [InlineData("@microsoft.keyvault(SecretUri=https://kv.vault.azure.net/secrets/Links--SigningKey/)", "unresolved Key Vault reference")]
    [InlineData("Q2hhbmdlIG1lIHNvb24h", "too short")] // base64 of 15 bytes
    [InlineData("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQh", "too short")] // 32 characters, but base64 of 24 bytes
    [InlineData("short-key", "too short")]
    [InlineData("changeme-changeme-changeme-changeme-changeme", "placeholder")]
    [InlineData("your-key-here-your-key-here-your-key-here-0123", "placeholder")]
    [InlineData("test-signing-key-that-is-long-enough-0123456789", "placeholder")]
    [InlineData("REPLACE_WITH_A_RANDOM_VALUE_OF_48_BYTES_BASE64==", "placeholder")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "entropy")]
    [InlineData("abababababababababababababababababababababababababababababababab", "entropy")]
    [InlineData("0101010101010101010101010101010101010101010101010101010101010101", "entropy")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "entropy")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", "entropy")]
    public void Guessable_keys_are_refused_with_what_to_set(string key, string reason)
    {
        var result = Validate(key);

        Assert.True(result.Failed);
        var message = result.FailureMessage;
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Contains("Links:SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("Links__SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", message, StringComparison.Ordinal);
        Assert.Contains("Key Vault", message, StringComparison.Ordinal);
        if (key.Trim().Length > 0)
        {
            Assert.DoesNotContain(key, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_core_registration_refuses_an_unresolved_key_vault_reference_for_both_hosts()
    {
        // AddExperimentenCore is what the Functions app and the self-host both call.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:SigningKey"] = KeyVaultReference,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddExperimentenCore().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LinksOptions>>().Value);
        Assert.Contains("unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
        Assert.Contains("Links__SigningKey", error.Message, StringComparison.Ordinal);
    }
}
