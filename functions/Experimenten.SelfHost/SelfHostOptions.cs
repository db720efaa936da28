namespace Experimenten.SelfHost;

public sealed class SelfHostOptions
{
    public const string Section = "SelfHost";

    /// <summary>Local state that is not in storage (the development link key). Git-ignored.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>
    /// Addresses (or networks in CIDR notation) of the TLS proxies in front of the self-host. Only their
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, so the host knows a request came in
    /// over HTTPS (Secure cookies, HSTS) and from which client (throttling). Empty: no proxy, headers ignored.
    /// </summary>
    public List<string> TrustedProxies { get; } = [];
}
