using System.Security.Cryptography;
using Experimenten.Links;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost;

/// <summary>
/// Without a configured <c>Links:SigningKey</c> the self-host makes a random one and keeps it in its
/// data folder, so links keep working across restarts and no key lives in code or settings.
/// </summary>
sealed class LocalSigningKey(IOptions<SelfHostOptions> selfHost, IHostEnvironment environment) : IPostConfigureOptions<LinksOptions>
{
    public void PostConfigure(string? name, LinksOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return;
        }

        options.SigningKey = LocalSecret.ReadOrCreate(selfHost.Value, environment, "signing.key",
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
    }
}
