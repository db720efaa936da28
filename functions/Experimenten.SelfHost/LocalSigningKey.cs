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

        var folder = string.IsNullOrWhiteSpace(selfHost.Value.DataPath)
            ? Path.Combine(environment.ContentRootPath, ".data")
            : selfHost.Value.DataPath;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "signing.key");
        if (!File.Exists(file))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process made it first; use theirs.
            }
        }

        options.SigningKey = File.ReadAllText(file).Trim();
    }
}
