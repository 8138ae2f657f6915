using System.Text;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories;

/// <summary>Pins the JSON path (and which problem wins) of every error the OSV reader can report.</summary>
public class OsvAdvisoryErrorPathTests
{
    private const string Pkg = """{"ecosystem":"npm","name":"a"}""";

    [Theory]
    [InlineData("""{"id":1}""", "$.id: expected a string.")]
    [InlineData("""{"summary":"no id"}""", "$.id: required.")]
    [InlineData("""{"id":"X","affected":{}}""", "$.affected: expected a list.")]
    [InlineData("""{"id":"X","affected":[{}]}""", "$.affected[0].package: required.")]
    [InlineData("""{"id":"X","affected":[{"package":{"ecosystem":3}}]}""", "$.affected[0].package.ecosystem: expected a string.")]
    [InlineData("""{"id":"X","affected":[{"package":{"ecosystem":"npm","name":[]}}]}""", "$.affected[0].package.name: expected a string.")]
    [InlineData("""{"id":"X","affected":[{"package":{"ecosystem":"npm","name":[]},"ranges":5}]}""", "$.affected[0].ranges: expected a list.")]
    [InlineData("""{"id":"X","affected":[{"package":{"ecosystem":"npm","name":"a"},"versions":7}]}""", "$.affected[0].versions: expected a list.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG},{"package":PKG,"ranges":[{"type":"GIT","events":[]},{"type":"SEMVER","events":{}}]}]}""", "$.affected[1].ranges[1].events: expected a list.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":[{"type":null}]}]}""", "$.affected[0].ranges[0].type: '' is not SEMVER, ECOSYSTEM or GIT.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":[{"type":2}]}]}""", "$.affected[0].ranges[0].type: expected a string.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},1]}]}]}""", "$.affected[0].ranges[0].events[1]: expected one of introduced, fixed, last_affected, limit with a version string.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":[{"type":"ECOSYSTEM","events":[{}]}]}]}""", "$.affected[0].ranges[0].events[0]: expected one of introduced, fixed, last_affected, limit with a version string.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":[{"type":"ECOSYSTEM","events":[{"other":"1","fixed":"2"}]}]}]}""", "$.affected[0].ranges[0].events[0]: expected one of introduced, fixed, last_affected, limit with a version string.")]
    [InlineData("""{"id":"X","severity":[{"score":"V"},{"score":1}],"affected":5}""", "$.affected: expected a list.")]
    [InlineData("""{"id":"X","severity":[{"score":"V"},{"score":1}]}""", "$.severity[1].score: expected a string.")]
    [InlineData("""{"id":"X","severity":3}""", "$.severity: expected a list.")]
    [InlineData("""{"id":"X","references":[{"type":"WEB","url":2}]}""", "$.references[0].url: expected a string.")]
    [InlineData("""{"id":"X","references":[{"type":[],"url":2}]}""", "$.references[0].type: expected a string.")]
    [InlineData("""{"id":"X","aliases":5,"summary":1}""", "$.aliases: expected a list.")]
    [InlineData("""{"id":"X","summary":1,"modified":2}""", "$.summary: expected a string.")]
    [InlineData("""{"id":"X","modified":2}""", "$.modified: expected a string.")]
    [InlineData("""{"vulns":[{"id":"A"},{"id":"B","summary":5}]}""", "$.vulns[1].summary: expected a string.")]
    [InlineData("""[{"id":"A"},{"id":"B","affected":[{"package":PKG},{"package":PKG,"versions":7}]}]""", "$[1].affected[1].versions: expected a list.")]
    [InlineData("""[{"id":"A"},"B"]""", "$[1]: expected an OSV record (an object).")]
    [InlineData("\"text\"", "$: expected an OSV record (an object).")]
    // These used to escape as InvalidOperationException; they are input errors like the rest.
    [InlineData("""{"id":"X","affected":[5]}""", "$.affected[0]: expected an object.")]
    [InlineData("""{"id":"X","affected":[{"package":"npm/a"}]}""", "$.affected[0].package: expected an object.")]
    [InlineData("""{"id":"X","affected":[{"package":PKG,"ranges":["SEMVER"]}]}""", "$.affected[0].ranges[0]: expected an object.")]
    [InlineData("""{"id":"X","severity":["CVSS:3.1/AV:N"]}""", "$.severity[0]: expected an object.")]
    [InlineData("""{"id":"X","references":["https://example.org"]}""", "$.references[0]: expected an object.")]
    public void ReadAll_Malformed_NamesTheFirstProblemsPath(string json, string expected)
    {
        json = json.Replace("PKG", Pkg, StringComparison.Ordinal);
        var fromText = Assert.Throws<AdvisoryFormatException>(() => OsvAdvisory.ReadAll(json, "bad.json"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var fromStream = Assert.Throws<AdvisoryFormatException>(() => OsvAdvisory.ReadAll(stream, "bad.json"));

        Assert.EndsWith(expected, fromText.Message, StringComparison.Ordinal);
        Assert.Equal(fromText.Message, fromStream.Message);
    }

    [Fact]
    public void ReadAll_TolerantFields_AreReadAsBefore()
    {
        const string json = """
            {"id":"X","summary":null,"aliases":["CVE-1",2,"",null,"CVE-2"],"withdrawn":null,"modified":"2024-05-06T07:08:09Z",
             "database_specific":{"severity":7},"severity":[{"type":"CVSS_V3"},{"score":"S"}],
             "references":[{"type":"WEB","url":"w"},{"url":""},{"type":"ADVISORY","url":"a"},{"type":"ADVISORY"}],
             "affected":[{"package":{},"versions":["1",2,"3"],"ranges":[{"type":"SEMVER","events":[{"introduced":"0","fixed":"9"},{"limit":"5"}]}]}]}
            """;

        var record = Assert.Single(OsvAdvisory.ReadAll(json, "ok.json"));

        Assert.Equal("", record.Summary);
        Assert.Equal(["CVE-1", "CVE-2"], record.Aliases);
        Assert.True(record.Withdrawn);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), record.Modified);
        Assert.Null(record.DatabaseSeverity);
        Assert.Equal(["S"], record.Severity);
        Assert.Equal(["a", "w"], record.References);
        var affected = Assert.Single(record.Affected);
        Assert.Equal(("", "", null), (affected.EcosystemName, affected.Package, affected.Ecosystem));
        Assert.Equal(["1", "3"], affected.Versions);
        Assert.Equal([RangeEventKind.Introduced, RangeEventKind.Limit], affected.Ranges[0].Events.Select(e => e.Kind));
    }
}
