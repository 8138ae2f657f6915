using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Cli.Archive;

/// <summary>
/// The server's canonical encoding behind every audit hash and signature (docs/security.md, "What the hash covers"),
/// written again here so the CLI can check an archive without the server: a tag, then each field as its UTF-8 bytes
/// prefixed by their length (4 bytes, big-endian). Instants and numbers arrive as the archive writes them, already in
/// the encoded text form.
/// </summary>
internal sealed class CanonicalEncoding
{
    private readonly List<byte> _bytes = [];

    private CanonicalEncoding(string tag) => Add(tag);

    public static CanonicalEncoding Of(string tag) => new(tag);

    public CanonicalEncoding Add(string field)
    {
        var utf8 = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
        _bytes.AddRange(length);
        _bytes.AddRange(utf8);
        return this;
    }

    public CanonicalEncoding Add(long number) => Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public byte[] ToArray() => [.. _bytes];

    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes)));
}
