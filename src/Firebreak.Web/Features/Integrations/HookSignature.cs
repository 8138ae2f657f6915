using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// GitHub's delivery signature, used by the generic trigger too: <c>X-Hub-Signature-256: sha256=</c> and the lower-case
/// hex HMAC-SHA256 of the raw body under the hook's secret. Compared in constant time over the raw bytes, before
/// anything reads the body as JSON. The signature covers no timestamp, so replays are caught by delivery id instead.
/// </summary>
internal static class HookSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    /// <summary>The header value for a body under a secret (for the CLI's documentation and the tests' senders).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether the header is the body's signature under the secret; a missing or malformed header is not.</summary>
    public static bool Matches(string? header, string secret, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64) return false;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
