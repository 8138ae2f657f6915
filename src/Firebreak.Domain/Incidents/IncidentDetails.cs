using System.Collections.Immutable;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// The technical facts of an incident: CVSS vectors as given, CWE identifiers, affected and
/// patched versions, and CVE/GHSA identifiers. Validated on creation.
/// </summary>
public sealed record IncidentDetails
{
    /// <summary>No details yet.</summary>
    public static IncidentDetails Empty { get; } = new(null, null, [], null, null, []);

    /// <summary>Creates details, normalising and validating each field.</summary>
    public IncidentDetails(string? cvssV3, string? cvssV4, IEnumerable<string> cwes, string? affectedVersions,
        string? patchedVersions, IEnumerable<string> identifiers)
    {
        CvssV3 = Vector(cvssV3, v4: false);
        CvssV4 = Vector(cvssV4, v4: true);
        Cwes = [.. cwes.OfType<string>().Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().Select(CheckCwe)];
        AffectedVersions = Text(affectedVersions, "affected versions");
        PatchedVersions = Text(patchedVersions, "patched versions");
        Identifiers = [.. identifiers.OfType<string>().Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(CheckIdentifier)];
    }

    /// <summary>CVSS v3.0 or v3.1 vector string, as entered.</summary>
    public string? CvssV3 { get; }

    /// <summary>CVSS v4.0 vector string, as entered.</summary>
    public string? CvssV4 { get; }

    /// <summary>CWE identifiers such as CWE-79.</summary>
    public ImmutableArray<string> Cwes { get; }

    /// <summary>Affected versions, free text or ranges (e.g. "&lt; 1.4.2").</summary>
    public string? AffectedVersions { get; }

    /// <summary>Patched versions.</summary>
    public string? PatchedVersions { get; }

    /// <summary>CVE and GHSA identifiers.</summary>
    public ImmutableArray<string> Identifiers { get; }

    /// <summary>Human descriptions of what differs from <paramref name="other"/>.</summary>
    public IReadOnlyList<string> Describe(IncidentDetails other)
    {
        var changes = new List<string>();
        void Diff(string name, string? a, string? b)
        {
            if (a != b) changes.Add($"{name} {a ?? "none"} → {b ?? "none"}");
        }
        Diff("CVSS v3", CvssV3, other.CvssV3);
        Diff("CVSS v4", CvssV4, other.CvssV4);
        Diff("CWE", Join(Cwes), Join(other.Cwes));
        Diff("affected", AffectedVersions, other.AffectedVersions);
        Diff("patched", PatchedVersions, other.PatchedVersions);
        Diff("identifiers", Join(Identifiers), Join(other.Identifiers));
        return changes;
        static string? Join(ImmutableArray<string> list) => list.IsDefaultOrEmpty ? null : string.Join(", ", list);
    }

    /// <summary>Parses a vector (metrics out of order are accepted) and keeps its canonical form.</summary>
    private static string? Vector(string? text, bool v4)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var what = v4 ? "CVSS v4.0 vector" : "CVSS v3 vector";
        if (!CvssParser.TryParse(text, strict: false, out var vector, out var error, out _))
            throw new DomainException($"The {what} is invalid: {error}.");
        if ((vector!.Version == CvssVersion.V40) != v4)
            throw new DomainException(v4 ? "The CVSS v4.0 field needs a CVSS:4.0/ vector." : "The CVSS v3 field needs a CVSS:3.0/ or CVSS:3.1/ vector.");
        return vector.ToString();
    }

    private static string? Text(string? text, string what)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length <= 1000 ? text : throw new DomainException($"The {what} are longer than 1,000 characters.");
    }

    private static string CheckCwe(string cwe) =>
        CweId.TryParse(cwe, out var id) ? id.Value : throw new DomainException($"'{cwe}' is not a CWE identifier (expected CWE-<number>, e.g. CWE-79).");

    private static string CheckIdentifier(string id)
    {
        if (CveId.TryParse(id, out var cve)) return cve.Value;
        if (GhsaId.TryParse(id, out var ghsa)) return ghsa.Value;
        throw new DomainException($"'{id}' is not a CVE (CVE-YYYY-NNNN) or GHSA (GHSA-xxxx-xxxx-xxxx) identifier.");
    }
}
