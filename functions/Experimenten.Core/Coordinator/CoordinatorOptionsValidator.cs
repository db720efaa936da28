using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Experimenten.Coordinator;

/// <summary>
/// Refuses to start with a sign-in that could be turned against the fund: a plaintext password in settings,
/// a credential without a usable hash, or the App Service mode where App Service authentication is not in
/// front (then anyone could send the <c>X-MS-CLIENT-PRINCIPAL</c> header themselves).
/// </summary>
public sealed class CoordinatorOptionsValidator(IConfiguration configuration) : IValidateOptions<CoordinatorOptions>
{
    public const string HashCommand = "dotnet run --project functions/Experimenten.SelfHost -- hash-password";

    public ValidateOptionsResult Validate(string? name, CoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == CoordinatorAuthMode.AppService)
        {
            // App Service sets this for the app when its authentication module runs in front of it.
            var enabled = configuration["WEBSITE_AUTH_ENABLED"] ?? Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED");
            return string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Coordinator:Mode is AppService, but App Service authentication is not in front of this app (WEBSITE_AUTH_ENABLED is not True). " +
                    "In that mode the X-MS-CLIENT-PRINCIPAL header signs coordinators in, and without the platform anyone could send it. " +
                    "Turn on App Service authentication (infra/app/api.bicep does), or use Coordinator:Mode=Password with Coordinator:Credentials:0:User and :PasswordHash.");
        }

        var failures = new List<string>();
        if (options.Credentials.Count == 0)
        {
            failures.Add($"No coordinator can sign in: set Coordinator:Credentials:0:User and Coordinator:Credentials:0:PasswordHash (print a hash with `{HashCommand}`).");
        }

        for (var i = 0; i < options.Credentials.Count; i++)
        {
            var c = options.Credentials[i];
            if (c.Password.Length > 0)
            {
                failures.Add($"Coordinator:Credentials:{i}:Password holds a password as typed. Store only its hash: print it with `{HashCommand}`, set Coordinator:Credentials:{i}:PasswordHash to it and remove :Password.");
            }

            if (string.IsNullOrWhiteSpace(c.User))
            {
                failures.Add($"Coordinator:Credentials:{i}:User is empty.");
            }

            if (!PasswordHashing.IsHash(c.PasswordHash))
            {
                failures.Add($"Coordinator:Credentials:{i}:PasswordHash is not a password hash. Print one with `{HashCommand}`.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
