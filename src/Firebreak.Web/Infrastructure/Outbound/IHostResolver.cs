using System.Net;

namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>Turns a host name into addresses (DNS, the outside service the outbound client depends on; tests stand in for it).</summary>
internal interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// <summary>The system resolver.</summary>
internal sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
