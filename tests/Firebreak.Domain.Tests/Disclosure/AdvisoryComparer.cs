using System.Globalization;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>Compares two advisories field by field and names every field that differs (e.g. <c>affected[0].patched</c>).</summary>
public static class AdvisoryComparer
{
    public static List<string> Differences(SecurityAdvisory expected, SecurityAdvisory actual)
    {
        var d = new Differ();
        d.Same("id", expected.Id, actual.Id);
        d.Sequence("aliases", expected.Aliases, actual.Aliases);
        d.Same("summary", expected.Summary, actual.Summary);
        d.Same("description", expected.Description, actual.Description);
        d.Same("publisher.name", expected.Publisher.Name, actual.Publisher.Name);
        d.Same("publisher.namespace", expected.Publisher.Namespace, actual.Publisher.Namespace);
        d.Same("publisher.category", expected.Publisher.Category, actual.Publisher.Category);
        d.Same("publisher.vendor", expected.Publisher.Vendor, actual.Publisher.Vendor);
        d.Same("publisher.product", expected.Publisher.Product, actual.Publisher.Product);
        d.Same("publisher.cve_org_id", expected.Publisher.CveOrgId, actual.Publisher.CveOrgId);
        d.List("affected", expected.Affected, actual.Affected, (path, e, a) =>
        {
            Package(d, path, e.Package, a.Package);
            Ranges(d, path + ".ranges", e.Ranges, a.Ranges);
            d.Sequence(path + ".versions", e.AffectedVersions, a.AffectedVersions);
            d.Sequence(path + ".patched", e.PatchedVersions, a.PatchedVersions);
        });
        d.List("unaffected", expected.Unaffected, actual.Unaffected, (path, e, a) =>
        {
            Package(d, path, e.Package, a.Package);
            d.Sequence(path + ".versions", e.Versions, a.Versions);
            Ranges(d, path + ".ranges", e.Ranges, a.Ranges);
            d.Same(path + ".justification", e.Justification, a.Justification);
            d.Same(path + ".impact_statement", e.ImpactStatement, a.ImpactStatement);
        });
        d.Sequence("cwes", expected.Cwes.Select(c => c.Label), actual.Cwes.Select(c => c.Label));
        d.Same("cvss_v3", expected.Cvss3?.Vector, actual.Cvss3?.Vector);
        d.Same("cvss_v3.score", expected.Cvss3?.Score, actual.Cvss3?.Score);
        d.Same("cvss_v4", expected.Cvss4?.Vector, actual.Cvss4?.Vector);
        d.Same("severity (given)", expected.GivenSeverity, actual.GivenSeverity);
        d.Same("severity", expected.Severity, actual.Severity);
        d.Same("user_safety_impact", expected.UserSafetyImpact, actual.UserSafetyImpact);
        d.Same("remediation", expected.Remediation, actual.Remediation);
        d.Sequence("references", expected.References.Select(r => $"{r.Type} {r.Url} {r.Name}"), actual.References.Select(r => $"{r.Type} {r.Url} {r.Name}"));
        d.Sequence("credits", expected.Credits.Select(Credit), actual.Credits.Select(Credit));
        d.Same("timeline", expected.Timeline, actual.Timeline);
        d.Sequence("revisions", expected.Revisions.Select(Revision), actual.Revisions.Select(Revision));
        return d.Found;
    }

    private static void Package(Differ d, string path, AdvisoryPackage e, AdvisoryPackage a)
    {
        d.Same(path + ".package.name", e.Name, a.Name);
        d.Same(path + ".package.vendor", e.Vendor, a.Vendor);
        d.Same(path + ".package.ecosystem", e.Ecosystem, a.Ecosystem);
        d.Same(path + ".package.purl", e.Purl?.ToString(), a.Purl?.ToString());
    }

    private static void Ranges(Differ d, string path, IReadOnlyList<AffectedRange> e, IReadOnlyList<AffectedRange> a) =>
        d.Sequence(path, e.Select(Range), a.Select(Range));

    private static string Range(AffectedRange r) => $"{r.Type}: {string.Join(", ", r.Events.Select(e => $"{e.Kind} {e.Version}"))}";

    private static string Credit(AdvisoryCredit c) => $"{c.Type} {c.Name ?? "(anonymous)"} {c.Contact} {c.Consent}";

    private static string Revision(AdvisoryRevision r) => $"{r.Number} {r.Date.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} {r.Summary}";

    private sealed class Differ
    {
        public List<string> Found { get; } = [];

        public void Same<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual)) Found.Add($"{field}: expected '{expected}', got '{actual}'");
        }

        public void Sequence<T>(string field, IEnumerable<T> expected, IEnumerable<T> actual)
        {
            List<T> e = [.. expected], a = [.. actual];
            if (!e.SequenceEqual(a)) Found.Add($"{field}: expected [{string.Join(" | ", e)}], got [{string.Join(" | ", a)}]");
        }

        public void List<T>(string field, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Action<string, T, T> each)
        {
            if (expected.Count != actual.Count) Found.Add($"{field}: expected {expected.Count} entries, got {actual.Count}");
            for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++) each($"{field}[{i}]", expected[i], actual[i]);
        }
    }
}
