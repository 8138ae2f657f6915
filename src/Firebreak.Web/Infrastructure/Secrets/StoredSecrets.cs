using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Firebreak.Web.Infrastructure.Secrets;

/// <summary>
/// Secrets the server must use again later and therefore cannot hash: authenticator (TOTP) keys and
/// recovery codes today; CVE Services API keys, webhook secrets and chat tokens when those features come.
/// Protected with ASP.NET Core Data Protection (AES-256-CBC + HMAC-SHA256, keys rotated every 90 days by
/// Data Protection itself) under a purpose per kind of secret, so a value protected for one use does not
/// reveal as another. The Data Protection key ring lives in the data directory, sealed under the data
/// key, never in the rows it protects (see docs/security.md, Data at rest).
/// </summary>
/// <example>
/// Storing a project's CVE Services key: <c>row.CveApiKey = secrets.Protect(StoredSecrets.Purposes.CveServicesKey, key)</c>;
/// using it: <c>secrets.Reveal(StoredSecrets.Purposes.CveServicesKey, row.CveApiKey)</c>, null when it cannot be read.
/// </example>
internal sealed partial class StoredSecrets(IDataProtectionProvider provider, ILogger<StoredSecrets> logger)
{
    /// <summary>The purposes in use; add one per kind of secret, never reuse one for another kind.</summary>
    public static class Purposes
    {
        public const string IdentityToken = "identity-token";
        public const string CveServicesKey = "cve-services-key";
        public const string WebhookSecret = "webhook-secret";
        public const string ChatSecret = "chat-secret";
    }

    private readonly IDataProtector _root = provider.CreateProtector("Firebreak.StoredSecrets.v1");

    /// <summary>The protected form of <paramref name="secret"/> (text safe for any string column).</summary>
    /// <param name="purpose">One of <see cref="Purposes"/>.</param>
    /// <param name="secret">The secret as given.</param>
    /// <param name="binding">Further parts that bind the value to its owner (a project id); the same ones are needed to reveal it.</param>
    public string Protect(string purpose, string secret, params string[] binding)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(secret);
        return _root.CreateProtector(purpose, binding).Protect(secret);
    }

    /// <summary>The secret, or null when the stored value was altered, protected for another purpose or owner, or its key is gone (logged).</summary>
    public string? Reveal(string purpose, string stored, params string[] binding)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            return _root.CreateProtector(purpose, binding).Unprotect(stored);
        }
        catch (CryptographicException e)
        {
            LogUnreadable(logger, e, purpose);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored secret ({Purpose}) could not be read: altered, protected for another use, or its Data Protection key is missing.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string purpose);
}
