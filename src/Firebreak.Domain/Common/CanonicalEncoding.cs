using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Domain.Common;

/// <summary>
/// The one canonical byte encoding behind every audit hash and checkpoint signature (the server writes it, the CLI's
/// <c>archive verify</c> checks it offline): a tag naming
/// what is encoded and its version, then each field as its UTF-8 bytes prefixed by their length
/// (4 bytes, big-endian). No separator can be forged from inside a field, so two different field
/// lists never share an encoding. Instants are UTC to the tick (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>);
/// what is chained is stored in whole microseconds (<see cref="ToMicroseconds"/>), the precision both
/// databases keep exactly, so the last digit is 0 unless the row was changed. Integers are invariant
/// decimal; identifiers are lower-case hyphenated GUIDs.
/// </summary>
public sealed class CanonicalEncoding
{
    // Grows as fields are added; a MemoryStream would own nothing to dispose but would still ask to be.
    private readonly List<byte> _bytes = [];

    private CanonicalEncoding(string tag) => Add(tag);

    /// <summary>Starts an encoding with its tag (e.g. <c>firebreak-audit-record/1</c>).</summary>
    public static CanonicalEncoding Of(string tag) => new(tag);

    /// <summary>Adds a field: its UTF-8 bytes after their length.</summary>
    public CanonicalEncoding Add(string field)
    {
        var utf8 = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
        _bytes.AddRange(length);
        _bytes.AddRange(utf8);
        return this;
    }

    /// <summary>Adds an integer as invariant decimal text.</summary>
    public CanonicalEncoding Add(long number) => Add(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an identifier as a lower-case hyphenated GUID.</summary>
    public CanonicalEncoding Add(Guid id) => Add(id.ToString("D"));

    /// <summary>Adds an instant as <see cref="Instant"/> writes it.</summary>
    public CanonicalEncoding Add(DateTime instant) => Add(Instant(instant));

    /// <summary>The encoded bytes.</summary>
    public byte[] ToArray() => [.. _bytes];

    /// <summary>Lower-case hex SHA-256 of the encoding.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes)));

    /// <summary>The instant as encoded: UTC, every tick.</summary>
    public static string Instant(DateTime instant) =>
        (instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : instant).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant truncated to whole microseconds, marked UTC.</summary>
    public static DateTime ToMicroseconds(DateTime instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
