using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The token in the one-time link that creates the first administrator. It is a Data Protection
/// payload carrying its expiry, so nothing is stored: any process with the server's key ring (the
/// server itself, <c>admin setup-link</c>, another node) can issue one and check one. It opens the
/// setup page only while no account exists, so the first administrator spends every link at once.
/// It is printed to the console, never to the log.
/// </summary>
internal sealed class SetupToken(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long a printed link works (while there is still no account).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string Payload = "first-administrator:";
    private readonly IDataProtector _protector = protection.CreateProtector("Firebreak.SetupToken.v1");

    public string Issue()
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return _protector.Protect(Payload + expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool Matches(string? candidate)
    {
        if (candidate is not { Length: > 0 and <= 1024 }) return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(candidate);
        }
        catch (CryptographicException)
        {
            return false; // not ours, altered, or not base64url at all
        }
        return payload.StartsWith(Payload, StringComparison.Ordinal)
            && long.TryParse(payload.AsSpan(Payload.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires;
    }
}
