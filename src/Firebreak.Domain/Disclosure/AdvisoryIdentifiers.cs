using System.Text.RegularExpressions;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// The identifier shapes an advisory carries, checked once here so every format agrees: a project-local id,
/// CVE and GHSA aliases, CWE ids (each through its typed value: <see cref="AdvisoryId"/>, <see cref="CveId"/>,
/// <see cref="GhsaId"/>, <see cref="CweId"/>) and revision numbers. Each check throws a <see cref="DomainException"/>
/// that names the field.
/// </summary>
public static partial class AdvisoryIdentifiers
{
    /// <summary>A project-local id such as <c>FBK-2026-0001</c>, or an imported tracking id such as <c>RHSA-2021:5186</c>.</summary>
    public static string LocalId(string? text, string field) => AdvisoryId.Parse(text, field).Value;

    /// <summary>A CVE id, <c>CVE-YYYY-NNNN</c> with four or more digits, in its canonical spelling.</summary>
    public static bool IsCve(string? text) => CveId.TryParse(text, out var id) && id.Value == text;

    /// <summary>A GitHub advisory id, <c>GHSA-xxxx-xxxx-xxxx</c> (lowercase letters 23456789cfghjmpqrvwx), in its canonical spelling.</summary>
    public static bool IsGhsa(string? text) => GhsaId.TryParse(text, out var id) && id.Value == text;

    /// <summary>A CVE or GHSA alias in its canonical spelling (a document writes ids as their registries do); anything else is refused.</summary>
    public static string Alias(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        if (IsCve(value) || IsGhsa(value)) return value;
        throw new DomainException($"{field}: '{text}' is neither a CVE id (CVE-YYYY-NNNN) nor a GHSA id (GHSA-xxxx-xxxx-xxxx).");
    }

    /// <summary>A CWE id, <c>CWE-</c> followed by a number without leading zeros.</summary>
    public static string Cwe(string? text, string field)
    {
        var id = CweId.Parse(text, field);
        return id.Value == text?.Trim() ? id.Value : throw new DomainException($"{field}: '{text}' is not a CWE id as written: write {id.Value}.");
    }

    /// <summary>
    /// A revision number as CSAF allows it: an integer (<c>1</c>) or a semantic version (<c>1.0.0</c>).
    /// </summary>
    public static string RevisionNumber(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        return RevisionPattern().IsMatch(value) ? value : throw new DomainException($"{field}: '{text}' is not a revision number (an integer or a semantic version).");
    }





    [GeneratedRegex(@"^((0|[1-9][0-9]*)|((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z\-.]+)?(\+[0-9A-Za-z\-.]+)?))$")]
    private static partial Regex RevisionPattern();
}
