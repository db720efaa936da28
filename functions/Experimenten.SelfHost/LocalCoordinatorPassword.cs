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

        var password = LocalSecret.ReadOrCreate(selfHost.Value, environment, "coordinator.password",
            () => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
        options.Credentials.Add(new CoordinatorCredential { User = User, Password = password });
    }
}
