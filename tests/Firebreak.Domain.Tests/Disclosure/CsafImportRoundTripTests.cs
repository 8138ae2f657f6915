using Firebreak.Domain.Common;
using System.Text.Json;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>Every official CSAF 2.0 example: import, export, import again; nothing the model holds may change or be lost.</summary>
public sealed class CsafImportRoundTripTests
{
    private const string Schema = "schemas/csaf-2.0/csaf_json_schema.json";

    public static TheoryData<string> Examples() => [.. CsafExamples.Files()];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Import_OfficialExample_SurvivesExportAndReimport(string file)
    {
        var json = await File.ReadAllTextAsync(ConformanceData.Require(file), TestContext.Current.CancellationToken);
        using var input = JsonDocument.Parse(json);
        var vex = input.RootElement.GetProperty("document").GetProperty("category").GetString() == "csaf_vex";
        var first = CsafImporter.Import(json);
        Assert.NotEmpty(first);
        foreach (var advisory in first)
        {
            if (advisory.Affected.Count == 0 && advisory.Unaffected.Count == 0)
            {
                // Products only under investigation have no place in the model: re-exporting would break 6.1.27.4, so it is refused.
                Assert.Contains("6.1.27.4", Assert.Throws<DomainException>(() => CsafExporter.Write(advisory, vex)).Message, StringComparison.Ordinal);
                continue;
            }
            var exported = CsafExporter.Write(advisory, vex);
            Assert.Empty(await SchemaValidation.ErrorsAsync(Schema, exported));
            var second = Assert.Single(CsafImporter.Import(exported));
            Assert.Empty(AdvisoryComparer.Differences(advisory, second));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Import_OfficialExample_KeepsWhatTheModelHolds(string file)
    {
        using var input = JsonDocument.Parse(File.ReadAllText(ConformanceData.Require(file)));
        var root = input.RootElement;
        var document = root.GetProperty("document");
        var tracking = document.GetProperty("tracking");
        var advisories = CsafImporter.Import(root);
        List<JsonElement> vulnerabilities = root.TryGetProperty("vulnerabilities", out var list) ? [.. list.EnumerateArray()] : [];
        Assert.Equal(Math.Max(1, vulnerabilities.Count), advisories.Count);
        var products = CsafExampleProducts.ById(root);
        for (var i = 0; i < advisories.Count; i++)
        {
            var advisory = advisories[i];
            Assert.Equal(tracking.GetProperty("id").GetString(), advisory.Id);
            Assert.Equal(document.GetProperty("publisher").GetProperty("name").GetString(), advisory.Publisher.Name);
            Assert.Equal(tracking.GetProperty("revision_history").GetArrayLength(), advisory.Revisions.Count);
            Assert.Equal(tracking.GetProperty("current_release_date").GetDateTimeOffset(), advisory.Timeline.Modified);
            if (i >= vulnerabilities.Count) continue;
            var vulnerability = vulnerabilities[i];
            Assert.Subset(advisory.Credits.Select(c => c.Name).ToHashSet(), AcknowledgedNames(document).Concat(AcknowledgedNames(vulnerability)).ToHashSet<string?>());
            if (vulnerability.TryGetProperty("cve", out var cve)) Assert.Equal(cve.GetString(), advisory.CveId);
            if (vulnerability.TryGetProperty("cwe", out var cwe)) Assert.Equal(cwe.GetProperty("id").GetString(), Assert.Single(advisory.Cwes).Id);
            var status = vulnerability.GetProperty("product_status");
            var affectedIds = Ids(status, "known_affected", "first_affected", "last_affected");
            foreach (var id in affectedIds)
                Assert.Contains(advisory.Affected, a => products[id].Matches(a.Package, a.AffectedVersions, a.Ranges));
            foreach (var id in Ids(status, "fixed", "first_fixed"))
                Assert.Contains(advisory.Affected, a => products[id].Matches(a.Package, a.PatchedVersions, []));
            foreach (var id in Ids(status, "known_not_affected"))
                Assert.Contains(advisory.Unaffected, u => products[id].Matches(u.Package, u.Versions, u.Ranges));
            foreach (var flag in vulnerability.TryGetProperty("flags", out var flags) ? flags.EnumerateArray() : default)
            {
                Assert.True(VexTerms.TryParseJustification(flag.GetProperty("label").GetString(), out var justification));
                foreach (var id in flag.GetProperty("product_ids").EnumerateArray().Select(p => p.GetString()!))
                    Assert.Contains(advisory.Unaffected, u => u.Justification == justification && products[id].Matches(u.Package, u.Versions, u.Ranges));
            }
            var score = (vulnerability.TryGetProperty("scores", out var scores) ? scores.EnumerateArray() : default)
                .FirstOrDefault(s => s.GetProperty("products").EnumerateArray().Any(p => affectedIds.Contains(p.GetString()!)));
            if (score.ValueKind == JsonValueKind.Object)
                Assert.Equal(CvssRating.Parse(score.GetProperty("cvss_v3").GetProperty("vectorString").GetString(), "v3", false).Vector, advisory.Cvss3?.Vector);
        }
    }

    private static IEnumerable<string?> AcknowledgedNames(JsonElement holder) =>
        holder.TryGetProperty("acknowledgments", out var acks)
            ? acks.EnumerateArray().SelectMany(a => a.TryGetProperty("names", out var names) ? names.EnumerateArray().Select(n => n.GetString()) : [])
            : [];

    private static HashSet<string> Ids(JsonElement status, params string[] names) =>
        [.. names.SelectMany(n => status.TryGetProperty(n, out var ids) ? ids.EnumerateArray().Select(i => i.GetString()!) : [])];
}
