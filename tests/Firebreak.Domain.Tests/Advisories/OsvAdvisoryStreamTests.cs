using System.Text;
using System.Text.Json;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories;

public class OsvAdvisoryStreamTests
{
    private static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public void ReadAll_StreamOfEverySharedFile_GivesWhatTheTextReaderGives()
    {
        foreach (var file in Directory.EnumerateFiles(ConformanceData.Require("advisory-data/osv"), "*.json"))
        {
            var expected = OsvAdvisory.ReadAll(File.ReadAllText(file), file);
            using var stream = File.OpenRead(file);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(OsvAdvisory.ReadAll(stream, file)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadAll_StreamedArray_ReadsEachElementInOrder(bool bom)
    {
        const string json = """ [{"id":"A-1","affected":[{"package":{"ecosystem":"npm","name":"x"},"versions":["1.0.0"]}]}, {"id":"A-2"}] """;

        var records = OsvAdvisory.ReadAll(Utf8(json, bom), "two.json");

        Assert.Equal(["A-1", "A-2"], records.Select(r => r.Id));
        Assert.Equal(["1.0.0"], records[0].Affected[0].Versions);
    }

    [Theory]
    [InlineData("""[{"id":"A-1"}, {"summary":"no id"}]""", "$[1].id: required.")]
    [InlineData("""[{"id":"A-1"}, {"id": ]""", "Not valid JSON")]
    public void ReadAll_StreamedArrayWithABadElement_ThrowsNamingWhere(string json, string message)
    {
        var error = Assert.Throws<AdvisoryFormatException>(() => OsvAdvisory.ReadAll(Utf8(json), "bad.json"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
