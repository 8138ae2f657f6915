using System.Globalization;
using System.Net;

namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// The operator's exceptions to <see cref="RefusedRanges"/> (<c>Outbound:Allow</c>): names (with or without a port),
/// addresses (with or without a port) and CIDR blocks. A name matches the host as written in the address, before
/// resolution; an address or block matches each resolved address.
/// </summary>
internal sealed class OutboundAllowList
{
    private readonly List<(string Host, int? Port)> _names = [];
    private readonly List<(byte[] Network, int Prefix, int? Port)> _blocks = [];

    public OutboundAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var raw in entries.Select(e => e.Trim()).Where(e => e.Length > 0)) Add(raw);
    }

    public bool IsEmpty => _names.Count == 0 && _blocks.Count == 0;

    public bool AllowsName(string host, int port)
    {
        var name = Normal(host);
        return _names.Exists(n => n.Host == name && (n.Port is null || n.Port == port));
    }

    public bool AllowsAddress(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        return _blocks.Exists(b => b.Network.Length == bytes.Length && (b.Port is null || b.Port == port) && InBlock(bytes, b.Network, b.Prefix));
    }

    private void Add(string entry)
    {
        string host = entry;
        int? port = null;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw Bad(entry);
            host = entry[1..close];
            if (close + 1 < entry.Length) port = entry[close + 1] == ':' ? Port(entry[(close + 2)..], entry) : throw Bad(entry);
        }
        else if (entry.Count(c => c == ':') == 1)
        {
            var colon = entry.LastIndexOf(':');
            host = entry[..colon];
            port = Port(entry[(colon + 1)..], entry);
        }
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!IPAddress.TryParse(host[..slash], out var network) || !int.TryParse(host[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
                || prefix > network.GetAddressBytes().Length * 8) throw Bad(entry);
            _blocks.Add((network.GetAddressBytes(), prefix, port));
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            _blocks.Add((address.GetAddressBytes(), address.GetAddressBytes().Length * 8, port));
        }
        else if (Uri.CheckHostName(host) == UriHostNameType.Dns) _names.Add((Normal(host), port));
        else throw Bad(entry);
    }

    private static string Normal(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    private static int Port(string text, string entry) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : throw Bad(entry);

    private static bool InBlock(byte[] address, byte[] network, int prefix)
    {
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }
        return true;
    }

    private static InvalidOperationException Bad(string entry) =>
        new($"Outbound:Allow entry '{entry}' is not a host, host:port, address, address:port, [v6]:port or CIDR block.");
}
