using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// The unwrapped data keys of this server, held in memory from start-up on, and the one place values
/// are sealed and opened: AES-256-GCM, a fresh random 96-bit nonce per value, and associated data that
/// binds the value to where it belongs (its table and column), so a ciphertext moved to another column
/// does not open. A sealed value is <c>version (1) | data key id (4, little-endian) | nonce (12) | tag (16) | ciphertext</c>.
/// One singleton per server; the EF model's converters hold it (see <see cref="SealedColumns"/>).
/// </summary>
internal sealed partial class DataKeyRing(ILogger<DataKeyRing> logger)
{
    /// <summary>What a value that fails its integrity check reads as: a sentence for the person, never a crash.</summary>
    public const string Unreadable = "[unreadable: this text failed its integrity check. It was changed outside Firebreak, or sealed under another key.]";

    private const byte Version = 1;
    private const int HeaderLength = 1 + 4;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = HeaderLength + NonceLength + TagLength;

    private volatile FrozenDictionary<int, byte[]> _keys = FrozenDictionary<int, byte[]>.Empty;
    private int _current;

    /// <summary>Whether the data keys have been unwrapped (the server reads and writes sealed columns only then).</summary>
    public bool IsUnlocked => _keys.Count > 0;

    /// <summary>How many values failed their integrity check since start-up.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    private long _refusals;

    /// <summary>Installs the unwrapped data keys; the highest id seals new values.</summary>
    public void Install(IReadOnlyDictionary<int, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) throw new ArgumentException("At least one data key is needed.", nameof(keys));
        _current = keys.Keys.Max();
        _keys = keys.ToFrozenDictionary();
    }

    public byte[] SealText(string value, string context) => Seal(Encoding.UTF8.GetBytes(value), context);

    /// <summary>The text, or <see cref="Unreadable"/> when the value was altered or sealed under a key this server does not hold.</summary>
    public string OpenText(byte[] sealedValue, string context) =>
        Open(sealedValue, context) is { } plain ? Encoding.UTF8.GetString(plain) : Unreadable;

    /// <summary>The bytes, or an empty array when the value was altered (callers holding a digest of the content refuse it).</summary>
    public byte[] OpenBytes(byte[] sealedValue, string context) => Open(sealedValue, context) ?? [];

    public byte[] Seal(ReadOnlySpan<byte> plain, string context)
    {
        var keys = Keys();
        var output = new byte[Overhead + plain.Length];
        output[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(1, 4), _current);
        var nonce = output.AsSpan(HeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[_current], TagLength);
        aes.Encrypt(nonce, plain, output.AsSpan(Overhead), output.AsSpan(HeaderLength + NonceLength, TagLength), AssociatedData(output, context));
        return output;
    }

    /// <summary>The plain bytes, or null when the value is malformed, altered, or sealed under an unknown data key.</summary>
    public byte[]? Open(byte[] sealedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        var keys = Keys();
        if (sealedValue.Length < Overhead || sealedValue[0] != Version
            || !keys.TryGetValue(BinaryPrimitives.ReadInt32LittleEndian(sealedValue.AsSpan(1, 4)), out var key))
            return Refuse(context);
        var plain = new byte[sealedValue.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(sealedValue.AsSpan(HeaderLength, NonceLength), sealedValue.AsSpan(Overhead), sealedValue.AsSpan(HeaderLength + NonceLength, TagLength),
                plain, AssociatedData(sealedValue, context));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return Refuse(context);
        }
    }

    /// <summary>A key derived from the current data key for one purpose (e.g. the Data Protection key ring's files).</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Keys()[_current], 32, info: Encoding.UTF8.GetBytes(purpose));

    private FrozenDictionary<int, byte[]> Keys() =>
        _keys is { Count: > 0 } keys ? keys : throw new InvalidOperationException("The data keys are not unlocked yet: the server unlocks them at start-up, after migrating the database.");

    private byte[]? Refuse(string context)
    {
        Interlocked.Increment(ref _refusals);
        LogRefused(logger, context);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A sealed value in {Column} failed its integrity check: it was changed outside Firebreak, or sealed under a data key this server does not hold.")]
    private static partial void LogRefused(ILogger logger, string column);

    private static byte[] AssociatedData(byte[] header, string context)
    {
        var name = Encoding.UTF8.GetBytes("firebreak/" + context);
        var data = new byte[HeaderLength + name.Length];
        header.AsSpan(0, HeaderLength).CopyTo(data);
        name.CopyTo(data, HeaderLength);
        return data;
    }
}
