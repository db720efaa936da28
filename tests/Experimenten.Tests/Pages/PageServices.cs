using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Pages;
using Experimenten.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Pages;

/// <summary>The services a page or email component needs, without a host: for rendering components in unit tests.</summary>
public static class PageServices
{
    public static ServiceProvider Build(DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton(Options.Create(new FundOptions()));
        services.AddSingleton<TimeProvider>(now is { } at ? new FixedTime(at) : TimeProvider.System);
        services.AddSingleton(sp => new Formatting(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), sp.GetRequiredService<IStringLocalizer<SharedText>>()));
        services.AddSingleton<PageRenderer>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
