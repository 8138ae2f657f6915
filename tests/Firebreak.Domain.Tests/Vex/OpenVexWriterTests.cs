using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Vex;

public sealed class OpenVexWriterTests
{
    private static readonly DateTimeOffset Issued = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static VexDocument Sample() => new("https://example.org/vex/app-1", "Firebreak tests", Issued, 2,
    [
        new VexStatement("CVE-2018-20991", ["RUSTSEC-2018-0003", "GHSA-rxr4-x558-x7hw"],
            [new VexProduct("pkg:cargo/app@1.0.0", ["pkg:cargo/smallvec@0.6.1"])], VexStatus.NotAffected, Issued.AddMinutes(5),
            VexJustification.VulnerableCodeNotInExecutePath, "insert_many is never called"),
        new VexStatement("CVE-2023-1", [], [VexProduct.Of("pkg:npm/left-pad@1.3.0")], VexStatus.Affected, Issued.AddTicks(1234567),
            actionStatement: "Upgrade to 1.3.1"),
        new VexStatement("CVE-2023-2", [], [VexProduct.Of("pkg:npm/left-pad@1.3.0")], VexStatus.UnderInvestigation, Issued),
    ], role: "Maintainer", tooling: "firebreak");

    [Fact]
    public async Task Write_Document_ValidatesAgainstOfficialSchema()
    {
        var errors = await SchemaValidation.ErrorsAsync("schemas/openvex-schema.json", OpenVexWriter.Write(Sample()));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Schema_DocumentWithUnknownProperty_IsRejected()
    {
        // Proves the validator is really applying the schema (additionalProperties: false), not passing everything.
        var json = OpenVexWriter.Write(Sample()).Replace("\"author\"", "\"writer\"", StringComparison.Ordinal);
        Assert.NotEmpty(await SchemaValidation.ErrorsAsync("schemas/openvex-schema.json", json));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameStatements()
    {
        var original = Sample();
        var read = OpenVexReader.Read(OpenVexWriter.Write(original), "round-trip.json");
        Assert.Equal(original.Id, read.Id);
        Assert.Equal(original.Version, read.Version);
        Assert.Equal(original.Role, read.Role);
        Assert.Equal(original.Statements.Count, read.Statements.Count);
        foreach (var (expected, actual) in original.Statements.Zip(read.Statements))
        {
            Assert.Equal(expected.Vulnerability, actual.Vulnerability);
            Assert.Equal(expected.Aliases, actual.Aliases);
            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(expected.Justification, actual.Justification);
            Assert.Equal(expected.ImpactStatement, actual.ImpactStatement);
            Assert.Equal(expected.ActionStatement, actual.ActionStatement);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(expected.Products.Select(p => (p.Id, string.Join(",", p.Subcomponents))), actual.Products.Select(p => (p.Id, string.Join(",", p.Subcomponents))));
        }
    }

    [Fact]
    public void Statement_NotAffectedWithoutReason_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new VexStatement("CVE-1", [], [], VexStatus.NotAffected, Issued));
}
