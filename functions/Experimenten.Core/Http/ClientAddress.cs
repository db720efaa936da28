using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Http;

/// <summary>
/// The client a request comes from, as a key for throttling: the remote address (after the forwarded
/// headers of a trusted proxy), an IPv6 address by its /64, since one household or office gets a whole /64.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
