using System.Security.Cryptography;
using Experimenten.Coordinator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Experimenten.Development;

/// <summary>
/// Development default for coordinator sign-in: in the Development environment, without configured
/// credentials, the host makes user <c>coordinator</c> with a random password kept in its data folder
/// (<c>.data/coordinator.password</c>, for the developer to read) and signs in against its hash. Anywhere
/// else the host refuses to start until <c>Coordinator:Credentials:0:PasswordHash</c> is set.
/// </summary>
sealed class LocalCoordinatorPassword(LocalSecret secrets, IHostEnvironment environment) : IPostConfigureOptions<CoordinatorOptions>
{
    public const string User = "coordinator";

    public void PostConfigure(string? name, CoordinatorOptions options)
    {
        if (options.Mode != CoordinatorAuthMode.Password || options.Credentials.Count > 0 || !environment.IsDevelopment())
        {
            return;
        }

        var password = secrets.ReadOrCreate("coordinator.password", () => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
        options.Credentials.Add(new CoordinatorCredential { User = User, PasswordHash = PasswordHashing.Hash(password) });
    }
}
