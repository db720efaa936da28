using System.Security.Cryptography;
using Experimenten.Coordinator;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost;

/// <summary>
/// Development default for coordinator sign-in: without configured credentials the self-host makes
/// user <c>coordinator</c> with a random password kept in its data folder (<c>.data/coordinator.password</c>),
/// so no password is in code or settings. Configure <c>Coordinator:Credentials</c> for real use.
/// </summary>
sealed class LocalCoordinatorPassword(IOptions<SelfHostOptions> selfHost, IHostEnvironment environment) : IPostConfigureOptions<CoordinatorOptions>
{
    public const string User = "coordinator";

    public void PostConfigure(string? name, CoordinatorOptions options)
    {
        if (options.Mode != CoordinatorAuthMode.Basic || options.Credentials.Count > 0)
        {
            return;
        }

        var folder = string.IsNullOrWhiteSpace(selfHost.Value.DataPath) ? Path.Combine(environment.ContentRootPath, ".data") : selfHost.Value.DataPath;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "coordinator.password");
        if (!File.Exists(file))
        {
            try
            {
                File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
            }
            catch (IOException) when (File.Exists(file))
            {
            }
        }

        options.Credentials.Add(new CoordinatorCredential { User = User, Password = File.ReadAllText(file).Trim() });
    }
}
