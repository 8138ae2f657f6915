using System.Net;
using Firebreak.Web.Infrastructure.Outbound;

namespace Firebreak.Web.Tests.Outbound;

/// <summary>
/// DNS, the outside service, stood in for: names the test maps answer with the addresses it chose (private ones, a mix),
/// with or without a trailing dot; other names go to the system resolver.
/// </summary>
internal sealed class MappedResolver(Dictionary<string, IPAddress[]> names) : IHostResolver
{
    private readonly DnsHostResolver _system = new();

    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        lock (Asked) Asked.Add(host);
        IPAddress[]? addresses;
        lock (names) names.TryGetValue(host.TrimEnd('.').ToLowerInvariant(), out addresses);
        return addresses is not null ? Task.FromResult(addresses) : _system.ResolveAsync(host, ct);
    }
}
