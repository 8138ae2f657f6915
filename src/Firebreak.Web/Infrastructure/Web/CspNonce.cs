using System.Buffers.Text;
using System.Security.Cryptography;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// This request's Content-Security-Policy nonce: 128 random bits, one per request (scoped), so a
/// nonce seen in one page is worthless for the next. Base64url, so it needs no HTML escaping and
/// the attribute Razor writes is byte-for-byte the value in the header.
/// </summary>
internal sealed class CspNonce
{
    public string Value { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
