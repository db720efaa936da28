using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Experimenten.Text;

/// <summary>
/// The same resources <see cref="IStringLocalizer{T}"/> reads through dependency injection, for static code
/// that has no container at hand: problem details made in a static helper, an orchestrator's Dutch fallback line.
/// </summary>
public static class Catalogue
{
    static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<T> For<T>() => Cache<T>.Localizer;

    static class Cache<T>
    {
        public static readonly IStringLocalizer<T> Localizer = new StringLocalizer<T>(Factory);
    }
}
