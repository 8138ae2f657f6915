namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>The formats one advisory is written in. Wire names (kebab-case) are what the CLI and the API take.</summary>
public enum ExportFormat
{
    /// <summary>An OSV record (<c>osv</c>).</summary>
    Osv,
    /// <summary>A full CVE JSON 5 record (<c>cve5</c>).</summary>
    Cve5,
    /// <summary>The CNA container of a CVE JSON 5 record, as CVE Services takes it (<c>cve5-container</c>).</summary>
    Cve5Container,
    /// <summary>A CSAF 2.0 security advisory (<c>csaf</c>).</summary>
    Csaf,
    /// <summary>A CSAF 2.0 VEX document (<c>csaf-vex</c>).</summary>
    CsafVex,
    /// <summary>An OpenVEX document (<c>openvex</c>).</summary>
    Openvex,
    /// <summary>A GitHub-style advisory body in Markdown (<c>ghsa-md</c>).</summary>
    GhsaMd,
    /// <summary>The CHANGELOG security line (<c>changelog</c>).</summary>
    Changelog,
}
