using System.Net;
using System.Net.Sockets;

namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// The address ranges no outbound call may reach unless the operator allows the destination: everything that is not
/// the public internet. IPv6 forms that carry an IPv4 address (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16)
/// are judged by the IPv4 address they carry, so ::ffff:127.0.0.1 is loopback.
/// </summary>
internal static class RefusedRanges
{
    private static readonly (uint Network, int Prefix, OutboundRefusal Reason)[] V4 =
    [
        (Ip(0, 0, 0, 0), 8, OutboundRefusal.Unspecified),
        (Ip(10, 0, 0, 0), 8, OutboundRefusal.Private),
        (Ip(100, 64, 0, 0), 10, OutboundRefusal.Private),
        (Ip(127, 0, 0, 0), 8, OutboundRefusal.Loopback),
        (Ip(169, 254, 0, 0), 16, OutboundRefusal.LinkLocal),
        (Ip(172, 16, 0, 0), 12, OutboundRefusal.Private),
        (Ip(192, 0, 0, 0), 24, OutboundRefusal.Reserved),
        (Ip(192, 168, 0, 0), 16, OutboundRefusal.Private),
        (Ip(198, 18, 0, 0), 15, OutboundRefusal.Reserved),
        (Ip(224, 0, 0, 0), 4, OutboundRefusal.Multicast),
        (Ip(240, 0, 0, 0), 4, OutboundRefusal.Reserved), // includes 255.255.255.255
    ];

    /// <summary>Why <paramref name="address"/> is refused, or null when it is a public address.</summary>
    public static OutboundRefusal? Why(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork) return WhyV4(V4Value(address.GetAddressBytes()));
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return OutboundRefusal.Reserved;
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xff && b[11] == 0xff) return WhyV4(V4Value(b.AsSpan(12))); // ::ffff:a.b.c.d
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            // ::/96: ::, ::1 and the deprecated IPv4-compatible form, which nothing public uses.
            var last = V4Value(b.AsSpan(12));
            return last == 0 ? OutboundRefusal.Unspecified : last == 1 ? OutboundRefusal.Loopback : OutboundRefusal.Reserved;
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return WhyV4(V4Value(b.AsSpan(12))); // NAT64 64:ff9b::a.b.c.d
        if (b[0] == 0x20 && b[1] == 0x02) return WhyV4(V4Value(b.AsSpan(2, 4))); // 6to4 2002:aabb:ccdd::
        if ((b[0] & 0xfe) == 0xfc) return OutboundRefusal.Private; // fc00::/7
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return OutboundRefusal.LinkLocal; // fe80::/10
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return OutboundRefusal.Private; // fec0::/10, deprecated site-local
        if (b[0] == 0xff) return OutboundRefusal.Multicast; // ff00::/8
        return null;
    }

    /// <summary>The sentence for a refused address.</summary>
    public static string Describe(OutboundRefusal reason) => reason switch
    {
        OutboundRefusal.Unspecified => "an unspecified address (0.0.0.0/8 or ::)",
        OutboundRefusal.Loopback => "a loopback address",
        OutboundRefusal.Private => "a private network address",
        OutboundRefusal.LinkLocal => "a link-local address",
        OutboundRefusal.Multicast => "a multicast address",
        OutboundRefusal.Reserved => "a reserved address",
        _ => reason.ToString(),
    };

    private static OutboundRefusal? WhyV4(uint value)
    {
        foreach (var (network, prefix, reason) in V4)
        {
            var mask = uint.MaxValue << (32 - prefix);
            if ((value & mask) == network) return reason;
        }
        return null;
    }

    private static uint V4Value(ReadOnlySpan<byte> b) => (uint)b[0] << 24 | (uint)b[1] << 16 | (uint)b[2] << 8 | b[3];

    private static uint Ip(byte a, byte b, byte c, byte d) => (uint)a << 24 | (uint)b << 16 | (uint)c << 8 | d;
}
