namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// <c>Outbound:*</c>: what the one outbound HTTP client may reach. By default only https to public addresses;
/// <see cref="Allow"/> names the local destinations the operator trusts (a chat server on the LAN), and
/// <see cref="AllowHttp"/> lets plain http through (development, a test receiver).
/// </summary>
internal sealed class OutboundOptions
{
    /// <summary>Plain http destinations are accepted too (never a redirect from https down to http).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Destinations reached even when they resolve into a refused range: <c>host</c>, <c>host:port</c>, an address,
    /// <c>address:port</c>, <c>[v6]:port</c> or a CIDR block (<c>10.20.0.0/16</c>, any port).
    /// </summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>Time to open the TCP connection (and TLS) to one destination.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for the whole exchange, redirects and body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most bytes of an answer's body read; a longer answer fails.</summary>
    public long MaxResponseBytes { get; set; } = 1L << 20;

    /// <summary>Redirects followed, each destination checked again.</summary>
    public int MaxRedirects { get; set; } = 3;
}
