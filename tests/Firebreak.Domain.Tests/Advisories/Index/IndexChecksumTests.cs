using System.Text;
using CsCheck;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Domain.Tests.Advisories.Index;

public class IndexChecksumTests
{
    [Fact]
    public void The_standard_check_value_of_CRC_32C() =>
        Assert.Equal(0xE3069283u, IndexChecksum.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Striped_lanes_give_the_plain_chain_for_any_length_and_any_split() =>
        Gen.Int[0, 5 * 3 * 4096 + 17].SelectMany(n => Gen.Byte.Array[n].SelectMany(bytes => Gen.Int[0, n].Select(cut => (bytes, cut))))
            .Sample(t =>
            {
                var expected = ~IndexChecksum.Serial(~0u, t.bytes);
                Assert.Equal(expected, IndexChecksum.Compute(t.bytes));
                // Fed in two pieces, as the writer feeds a file, the running CRC comes to the same value.
                var running = IndexChecksum.Update(IndexChecksum.Update(~0u, t.bytes.AsSpan(0, t.cut)), t.bytes.AsSpan(t.cut));
                Assert.Equal(expected, ~running);
            }, iter: 200);

    [Fact]
    public void A_single_flipped_bit_anywhere_in_a_long_span_changes_the_checksum() =>
        Gen.Int[0, 3 * 3 * 4096 * 8 - 1].Sample(bit =>
        {
            var bytes = new byte[3 * 3 * 4096];
            new Random(7).NextBytes(bytes);
            var before = IndexChecksum.Compute(bytes);
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(before, IndexChecksum.Compute(bytes));
        }, iter: 200);
}
