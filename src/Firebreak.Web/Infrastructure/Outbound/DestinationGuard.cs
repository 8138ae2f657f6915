using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// Decides where the outbound client may connect, at the moment it connects: the host is resolved once, every resolved
/// address is checked against <see cref="RefusedRanges"/> (one bad address refuses the name, so a DNS answer mixing a
/// public and a private address cannot be used to reach the private one), and the socket is opened to the checked
/// address itself, so no second resolution can answer differently (DNS rebinding). The operator's allow-list
/// (<see cref="OutboundAllowList"/>) lets named local destinations through.
/// </summary>
internal sealed class DestinationGuard(IHostResolver resolver, IOptions<OutboundOptions> options)
{
    private readonly OutboundAllowList _allow = new(options.Value.Allow);

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: checks, then connects to a checked address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await CheckAsync(host, port, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> that may be reached on <paramref name="port"/>, all of them checked;
    /// an <see cref="OutboundRefusedException"/> when any is refused or there are none.
    /// </summary>
    public async Task<IPAddress[]> CheckAsync(string host, int port, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim('[', ']');
        var byName = _allow.AllowsName(name, port);
        IPAddress[] addresses;
        if (IPAddress.TryParse(name, out var literal)) addresses = [literal];
        else if (IsLocalhost(name)) addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback]; // RFC 6761: never asked of DNS
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(name, ct);
            }
            catch (SocketException)
            {
                throw new OutboundRefusedException(OutboundRefusal.NoAddress, $"{name} does not resolve to any address.");
            }
        }
        if (addresses.Length == 0) throw new OutboundRefusedException(OutboundRefusal.NoAddress, $"{name} does not resolve to any address.");
        addresses = [.. addresses.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)];
        if (byName) return addresses;
        foreach (var address in addresses)
        {
            if (_allow.AllowsAddress(address, port)) continue;
            if (RefusedRanges.Why(address) is { } reason)
                throw new OutboundRefusedException(reason, $"{name} is {RefusedRanges.Describe(reason)} ({address}); add it to Outbound:Allow to reach it.");
        }
        return addresses;
    }

    private static bool IsLocalhost(string name)
    {
        var trimmed = name.TrimEnd('.');
        return trimmed.Equals("localhost", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
