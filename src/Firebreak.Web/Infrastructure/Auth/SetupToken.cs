using System.Security.Cryptography;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The one-time token that lets the first administrator be created from the web. It exists only
/// in this process's memory, only while there is no account, and is printed to the console (not
/// the log) at start-up.
/// </summary>
internal sealed class SetupToken
{
    private string? _value;
    private readonly Lock _gate = new();

    public string Issue()
    {
        lock (_gate)
        {
            _value ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            return _value;
        }
    }

    public bool Matches(string? candidate)
    {
        lock (_gate)
        {
            return _value is not null && candidate is not null &&
                CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_value), System.Text.Encoding.UTF8.GetBytes(candidate));
        }
    }

    public void Consume()
    {
        lock (_gate) _value = null;
    }
}
