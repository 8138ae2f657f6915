namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>Why the outbound client would not make (or finish) a call.</summary>
internal enum OutboundRefusal
{
    /// <summary>Not an absolute http(s) address.</summary>
    NotAnAddress,
    /// <summary>A scheme other than https (or http when allowed), or a redirect from https down to http.</summary>
    Scheme,
    /// <summary>The address carries a user name or password.</summary>
    Credentials,
    /// <summary>The name resolved to no address.</summary>
    NoAddress,
    /// <summary>0.0.0.0/8 or ::, "this host".</summary>
    Unspecified,
    /// <summary>127.0.0.0/8, ::1, localhost.</summary>
    Loopback,
    /// <summary>RFC 1918, shared address space (100.64/10), unique local IPv6 (fc00::/7), site-local.</summary>
    Private,
    /// <summary>169.254/16, fe80::/10 (cloud metadata services live here).</summary>
    LinkLocal,
    /// <summary>224/4, ff00::/8.</summary>
    Multicast,
    /// <summary>Other special-purpose ranges: 192.0.0/24, 198.18/15, 240/4, broadcast, IPv4-compatible IPv6.</summary>
    Reserved,
    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,
    /// <summary>The answer's body is larger than the cap.</summary>
    ResponseTooLarge,
    /// <summary>No complete answer within the time allowed.</summary>
    TimedOut,
}
