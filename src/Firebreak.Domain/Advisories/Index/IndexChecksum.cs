using System.Buffers.Binary;
using System.Numerics;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// CRC-32C over a span (hardware-accelerated where the CPU has it). Long spans are cut into stripes of three lanes
/// whose CRCs are computed side by side, because the CPU's CRC instruction can start a new one every cycle but takes
/// three to finish one: a single chain waits on itself. The lanes are joined with the CRC's own algebra (below), so
/// the result is bit for bit the plain CRC-32C of the bytes.
/// </summary>
internal static class IndexChecksum
{
    /// <summary>Bytes per lane: long enough that joining lanes costs nothing measurable, short enough to stay in cache.</summary>
    private const int Lane = 4096;

    /// <summary>
    /// The register update is affine: Update(c, data) = Z(c) ^ Update(0, data), where Z advances a register over
    /// <see cref="Lane"/> zero bytes and is linear over GF(2). Z is kept as four byte-indexed tables, so applying it
    /// to a 32-bit register is four lookups.
    /// </summary>
    private static readonly uint[] Zeros = ZeroTables();

    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(~0u, data);

    /// <summary>
    /// Continues a running CRC (start from <c>~0u</c>, finish with <c>~</c>) over the next bytes, so a file
    /// written in pieces is checked without assembling it: CRC-32C over a concatenation is the CRC of the
    /// pieces fed in order.
    /// </summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 3 * Lane)
        {
            uint a = crc, b = 0, c = 0;
            for (var i = 0; i < Lane; i += 8)
            {
                a = BitOperations.Crc32C(a, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
                b = BitOperations.Crc32C(b, BinaryPrimitives.ReadUInt64LittleEndian(data[(Lane + i)..]));
                c = BitOperations.Crc32C(c, BinaryPrimitives.ReadUInt64LittleEndian(data[(2 * Lane + i)..]));
            }
            crc = AdvanceOverLane(AdvanceOverLane(a) ^ b) ^ c;
            data = data[(3 * Lane)..];
        }
        return Serial(crc, data);
    }

    /// <summary>One chain, eight bytes at a time: the reference the striped form must equal.</summary>
    internal static uint Serial(uint crc, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 8 <= data.Length; i += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return crc;
    }

    private static uint AdvanceOverLane(uint crc) =>
        Zeros[(byte)crc] ^ Zeros[256 + (byte)(crc >> 8)] ^ Zeros[512 + (byte)(crc >> 16)] ^ Zeros[768 + (crc >> 24)];

    private static uint[] ZeroTables()
    {
        // The image of each basis bit under Z, found by running the register over a lane of zeros; the tables then
        // hold Z of every byte value in each byte position (Z is linear, so it is the XOR of its bits' images).
        Span<byte> zeros = stackalloc byte[Lane];
        zeros.Clear();
        Span<uint> bit = stackalloc uint[32];
        for (var k = 0; k < 32; k++) bit[k] = Serial(1u << k, zeros);
        var tables = new uint[4 * 256];
        for (var position = 0; position < 4; position++)
            for (var value = 0; value < 256; value++)
            {
                uint image = 0;
                for (var k = 0; k < 8; k++)
                    if ((value >> k & 1) != 0) image ^= bit[position * 8 + k];
                tables[position * 256 + value] = image;
            }
        return tables;
    }
}
