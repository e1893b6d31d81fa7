using System.Net;
using System.Net.Sockets;

namespace AssistBot.Bot.BotFramework;

/// <summary>Which IP addresses are not on the public internet (loopback, private, link-local, and the like).</summary>
public static class NetworkRanges
{
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(Normalize(address));

    /// <summary>
    /// True for addresses a reply must not be sent to unless configured: loopback, unspecified, private (RFC 1918),
    /// carrier-grade NAT, link-local (cloud metadata), benchmarking, multicast and reserved IPv4 ranges; IPv6 loopback,
    /// unique-local, link-local, site-local, multicast, and IPv4-mapped/translated forms of the IPv4 ones.
    /// </summary>
    public static bool IsNonPublic(IPAddress address)
    {
        address = Normalize(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] >= 64 && b[1] <= 127,          // 100.64.0.0/10 carrier-grade NAT
                169 => b[1] == 254,                          // link-local, 169.254.169.254 metadata
                172 => b[1] >= 16 && b[1] <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                              // multicast, reserved, broadcast
                _ => false,
            };
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return true;
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        // 64:ff9b::/96 (NAT64) embeds an IPv4 address; 2001:db8::/32 is documentation.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
            return IsNonPublic(new IPAddress(v6[12..]));
        return v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8;
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
