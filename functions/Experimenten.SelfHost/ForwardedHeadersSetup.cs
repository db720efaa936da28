using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Experimenten.SelfHost;

/// <summary>Believes X-Forwarded-For and -Proto from the proxies named in <c>SelfHost:TrustedProxies</c>, and from nobody else.</summary>
static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersFromTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{SelfHostOptions.Section}:{nameof(SelfHostOptions.TrustedProxies)}").Get<List<string>>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        return services;
    }
}
