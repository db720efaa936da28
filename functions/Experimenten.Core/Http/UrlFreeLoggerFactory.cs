using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Experimenten.Http;

/// <summary>
/// Keeps request URLs, and with them the signed link tokens, out of every log: the framework
/// categories that write the raw path get a logger that is always off.
/// </summary>
/// <remarks>
/// A filter rule would not do: a more specific rule from configuration (a provider's own
/// <c>LogLevel</c> section, a wildcard category) outranks it, and an operator turning up
/// <c>Microsoft.AspNetCore</c> to find a problem would ship every token to the console or
/// Application Insights. A logger that is off also keeps ASP.NET Core from opening its per-request
/// log scope, which carries <c>RequestPath</c> into every other line when scopes are included.
/// The self-host writes its own request line instead, with the tokens redacted
/// (<see cref="PublicRoutes.Redact"/>).
/// </remarks>
public sealed class UrlFreeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Categories (and their sub-categories) that log a request's path or full URL.</summary>
    public static readonly IReadOnlyList<string> SilencedCategories =
    [
        // "Request starting GET http://host/review/{token}" and "Request finished ..." at Information; the RequestPath scope.
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        // DfaMatcher: "candidate(s) found for the request path '{Path}'" at Debug.
        "Microsoft.AspNetCore.Routing.Matching",
        // "bad request data" at Debug can quote the request target.
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
    ];

    public static bool IsSilenced(string category) =>
        SilencedCategories.Any(s => category == s || category.StartsWith(s + ".", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) =>
        IsSilenced(categoryName) ? NullLogger.Instance : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps whatever logger factory the host registered (both hosts register the standard one).</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            return;
        }

        var original = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        services.AddSingleton<Registered>();
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => new UrlFreeLoggerFactory(Create(sp, original)));
    }

    /// <summary>Marks a collection already wrapped, so a second registration does not wrap twice.</summary>
    sealed class Registered;

    static ILoggerFactory Create(IServiceProvider sp, ServiceDescriptor? original) => original switch
    {
        { ImplementationInstance: ILoggerFactory instance } => instance,
        { ImplementationFactory: { } factory } => (ILoggerFactory)factory(sp),
        { ImplementationType: { } type } when type != typeof(LoggerFactory) => (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, type),
        _ => new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>()),
    };
}
