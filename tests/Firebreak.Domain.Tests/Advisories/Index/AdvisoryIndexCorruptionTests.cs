using System.Buffers.Binary;
using CsCheck;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories.Index;

public class AdvisoryIndexCorruptionTests
{
    private static byte[] Small()
    {
        var source = new AdvisorySource(AdvisorySourceKind.Osv, "/feeds/small", SharedIndex.Retrieved);
        var builder = new AdvisoryIndexBuilder();
        builder.Import(source, [new IndexedAdvisory(SharedIndex.Record("A-1", "npm", "left-pad", "2024-01-01T00:00:00Z", "CVE-2024-1"), source, "A-1.json")]);
        return SharedIndex.Bytes(builder);
    }

    /// <summary>Recomputes the checksum so damage behind it reaches the structural checks.</summary>
    private static byte[] Resealed(byte[] bytes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), Crc32C(bytes.AsSpan(32)));
        return bytes;
    }

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        foreach (var b in data) crc = System.Numerics.BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    private static void Exercise(AdvisoryIndex index)
    {
        _ = index.Records.ToList();
        _ = index.CreateMatcher().Match([PackageUrl.Parse("pkg:npm/left-pad@1.0.0")]);
        _ = index.FindVulnerability("CVE-2024-1");
        _ = index.RustSecAdvisories();
    }

    [Theory]
    [InlineData("", "not a Firebreak advisory index")]
    [InlineData("{\"id\":\"GHSA-1\"}", "not a Firebreak advisory index")]
    [InlineData("FBXIDX\r", "truncated")]
    public void Load_NotAnIndex_SaysWhat(string text, string message)
    {
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load(System.Text.Encoding.UTF8.GetBytes(text), "x.fbx"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("x.fbx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Truncated_SaysTruncatedWithBothLengths()
    {
        var bytes = Small();
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load(bytes[..^10], "cut.fbx"));
        Assert.Contains($"truncated: the header says {bytes.Length} bytes, the file has {bytes.Length - 10}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FlippedByte_SaysChecksumMismatch()
    {
        var bytes = Small();
        bytes[bytes.Length / 2] ^= 0x40;
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load(bytes, "flip.fbx"));
        Assert.Contains("corrupt: checksum mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherFormatVersion_SaysWhichVersions()
    {
        var bytes = Small();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 9);
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load(bytes, "new.fbx"));
        Assert.Contains("format version 9 is not supported (this firebreak reads version 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TrailingBytes_SaysCorrupt()
    {
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load([.. Small(), 0, 0], "long.fbx"));
        Assert.Contains("2 unexpected bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SectionTablePointingOutside_SaysWhichSection()
    {
        var bytes = Small();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32 + 2 * 16 + 8), 1UL << 40);
        var e = Assert.Throws<AdvisoryIndexFormatException>(() => AdvisoryIndex.Load(Resealed(bytes), "table.fbx"));
        Assert.Contains("section Records lies outside the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RandomBytes_OnlyEverThrowsAdvisoryIndexFormatException() =>
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            try
            {
                Exercise(AdvisoryIndex.Load(bytes, "random.fbx"));
            }
            catch (AdvisoryIndexFormatException)
            {
            }
        }, iter: 2000);

    [Fact]
    public void Load_RealIndexWithResealedDamage_OnlyEverThrowsAdvisoryIndexFormatException()
    {
        var original = Small();
        Gen.Select(Gen.Int[32, original.Length - 1], Gen.Byte, Gen.Int[1, 4]).Array[1, 6].Sample(damage =>
        {
            var bytes = (byte[])original.Clone();
            foreach (var (at, value, width) in damage)
                for (var i = at; i < Math.Min(at + width, bytes.Length); i++) bytes[i] = value;
            try
            {
                Exercise(AdvisoryIndex.Load(Resealed(bytes), "damaged.fbx"));
            }
            catch (AdvisoryIndexFormatException)
            {
            }
        }, iter: 5000);
    }
}
