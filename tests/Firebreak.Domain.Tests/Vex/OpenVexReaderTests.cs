using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Vex;

public sealed class OpenVexReaderTests
{
    private const string Statement = """{"vulnerability":{"name":"CVE-2018-20991","aliases":["RUSTSEC-2018-0003"]},"products":[{"@id":"pkg:cargo/app@1.0.0","subcomponents":[{"@id":"pkg:cargo/smallvec@0.6.1"}]}],"status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}""";

    private static string Document(string statements) =>
        $$"""{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.org/vex/1","author":"Firebreak tests","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[{{statements}}]}""";

    [Fact]
    public void Read_OfficialExamples_EveryOneReads()
    {
        var folder = ConformanceData.Require("examples/openvex");
        var files = Directory.EnumerateFiles(folder, "*.json").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var document = OpenVexReader.Read(File.ReadAllText(file), file);
            Assert.Equal("Wolfi J Inkinson", document.Author);
            var statement = Assert.Single(document.Statements);
            Assert.Equal("CVE-2023-12345", statement.Vulnerability);
            Assert.StartsWith("pkg:apk/wolfi/git@2.39.0-r1", statement.Products[0].Id, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_StatementWithoutTimestamp_InheritsTheDocuments()
    {
        var document = OpenVexReader.Read(Document(Statement), "vex.json");
        var statement = Assert.Single(document.Statements);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), statement.Timestamp);
        Assert.Equal(VexStatus.NotAffected, statement.Status);
        Assert.Equal(VexJustification.VulnerableCodeNotInExecutePath, statement.Justification);
        Assert.Equal(["RUSTSEC-2018-0003"], statement.Aliases);
        Assert.Equal(["pkg:cargo/smallvec@0.6.1"], statement.Products[0].Subcomponents);
    }

    [Fact]
    public void Read_ProductNamedByIdentifiersPurl_UsesThePurl()
    {
        var json = Document("""{"vulnerability":{"name":"CVE-1"},"products":[{"identifiers":{"purl":"pkg:npm/x@1.0.0"}}],"status":"fixed","timestamp":"2024-06-01T00:00:00.123456789+02:00"}""");
        var statement = Assert.Single(OpenVexReader.Read(json, "vex.json").Statements);
        Assert.Equal("pkg:npm/x@1.0.0", statement.Products[0].Id);
        Assert.Equal(TimeSpan.FromHours(2), statement.Timestamp.Offset);
    }

    [Theory]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"status":"not_affected"}""", "$.statements[0]", "justification or an impact_statement")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"status":"affected"}""", "$.statements[0].action_statement", "action_statement")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"status":"gone"}""", "$.statements[0].status", "'gone' is not one of")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"status":"not_affected","justification":"trust_me"}""", "$.statements[0].justification", "'trust_me'")]
    [InlineData("""{"status":"fixed"}""", "$.statements[0].vulnerability", "required")]
    [InlineData("""{"vulnerability":{},"status":"fixed"}""", "$.statements[0].vulnerability.name", "required")]
    [InlineData("""{"vulnerability":{"name":"CVE-1","aliases":[7]},"status":"fixed"}""", "$.statements[0].vulnerability.aliases[0]", "expected a string")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"products":[{"hashes":{}}],"status":"fixed"}""", "$.statements[0].products[0]", "needs an @id")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"a","subcomponents":[{}]}],"status":"fixed"}""", "$.statements[0].products[0].subcomponents[0]", "needs an @id")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"status":"fixed","timestamp":"2024-01-01"}""", "$.statements[0].timestamp", "RFC 3339")]
    [InlineData("""{"vulnerability":{"name":"CVE-1"},"products":{},"status":"fixed"}""", "$.statements[0].products", "expected a list")]
    public void Read_MalformedStatement_NamesItsJsonPath(string statement, string path, string message)
    {
        var e = Assert.Throws<VexFormatException>(() => OpenVexReader.Read(Document(statement), "vex.json"));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"vex.json: {path}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$", "an OpenVEX document")]
    [InlineData("""{"@id":"x","author":"a","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[]}""", "$.@context", "required")]
    [InlineData("""{"@context":"https://example.org","@id":"x","author":"a","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[]}""", "$.@context", "not an OpenVEX context")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","author":"a","timestamp":"2024-05-01T10:00:00Z","version":0,"statements":[]}""", "$.version", "at least 1")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","author":"a","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[]}""", "$.statements", "at least one")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","timestamp":"2024-05-01T10:00:00Z","version":1}""", "$.author", "required")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [}""", "$", "not valid JSON (line 1, byte 62)")]
    public void Read_MalformedDocument_NamesItsJsonPath(string json, string path, string message)
    {
        var e = Assert.Throws<VexFormatException>(() => OpenVexReader.Read(json, "vex.json"));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
