using System.Security.Cryptography;
using Experimenten.Links;
using Microsoft.Extensions.Options;

namespace Experimenten.Development;

/// <summary>
/// Without a configured <c>Links:SigningKey</c> the host makes a random one and keeps it in its local
/// data folder, so links keep working across restarts and no key lives in code or settings. Hosts that
/// share work (two self-hosts, a Functions app) share a configured key instead (docs/deploy.md).
/// </summary>
sealed class LocalSigningKey(LocalSecret secrets) : IPostConfigureOptions<LinksOptions>
{
    public void PostConfigure(string? name, LinksOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return;
        }

        options.SigningKey = secrets.ReadOrCreate("signing.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
    }
}
