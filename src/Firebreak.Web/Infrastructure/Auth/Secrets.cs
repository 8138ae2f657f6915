using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>Bearer secrets (API tokens, reporter links): 256 random bits, base64url, stored only as SHA-256.</summary>
internal static class Secrets
{
    /// <summary>43 base64url characters of fresh randomness.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the secret: what is stored and looked up.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
