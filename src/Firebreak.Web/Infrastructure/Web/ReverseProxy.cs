using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Behind a reverse proxy (TLS ends there), the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. They are believed only from the proxies named in <c>Firebreak:Proxy:Trusted</c>
/// (addresses or CIDR networks, comma-separated): anyone else could claim any address and dodge the per-address
/// limits. Unset, the headers are ignored. Links are built from <c>Firebreak:PublicUrl</c>, never from a forwarded host.
/// </summary>
internal static class ReverseProxy
{
    private const string Setting = "Firebreak:Proxy:Trusted";

    public static void Configure(WebApplicationBuilder builder)
    {
        var trusted = Parse(builder.Configuration[Setting]);
        if (trusted.Count == 0) return;
        builder.Services.AddSingleton(new TrustedProxies(trusted));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in trusted) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = 1; // the one proxy in front: its view of the client, nothing the client wrote itself
        });
    }

    public static void Use(WebApplication app)
    {
        if (app.Services.GetService<TrustedProxies>() is not null) app.UseForwardedHeaders(); // read once, at Configure
    }

    /// <summary>The proxies read from the setting at start-up (registered only when there are some).</summary>
    private sealed record TrustedProxies(IReadOnlyList<System.Net.IPNetwork> Networks);

    /// <summary>The trusted proxies; a value that is not an address or network stops the start with its name.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(string? value)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(item, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(item, out var address)) networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new InvalidOperationException($"{Setting}: '{item}' is not an IP address or CIDR network (for example 127.0.0.1 or 10.0.0.0/8).");
        }
        return networks;
    }
}
