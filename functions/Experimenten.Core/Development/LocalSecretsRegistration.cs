using Experimenten.Coordinator;
using Experimenten.Links;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Experimenten.Development;

public static class LocalSecretsRegistration
{
    /// <summary>
    /// Fills what a developer's machine has not configured from secrets kept in <paramref name="folder"/>: the link
    /// signing key, and in the Development environment a coordinator password. Configured values always win.
    /// </summary>
    public static IServiceCollection AddLocalSecrets(this IServiceCollection services, string folder)
    {
        services.AddSingleton(new LocalSecret(folder));
        services.AddSingleton<IPostConfigureOptions<LinksOptions>, LocalSigningKey>();
        services.AddSingleton<IPostConfigureOptions<CoordinatorOptions>, LocalCoordinatorPassword>();
        return services;
    }

    /// <summary>
    /// The Functions worker on a developer's machine (<c>func start</c>, Development environment): secrets made in
    /// <c>.data/</c> beside the app, so <c>local.settings.json</c> needs none. In Azure the settings must hold them.
    /// </summary>
    public static IServiceCollection AddDevelopmentSecretsIn(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() ? services.AddLocalSecrets(LocalSecret.FolderFor(null, environment)) : services;
    }
}
