namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>The standard document formats Firebreak reads and checks.</summary>
public enum AdvisoryFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,
    /// <summary>An OSV record.</summary>
    Osv,
    /// <summary>A full CVE JSON 5 record.</summary>
    CveRecord,
    /// <summary>A CVE JSON 5 CNA container (<c>{"cnaContainer": …}</c> or the bare container).</summary>
    CveCnaContainer,
    /// <summary>A CSAF 2.0 document.</summary>
    Csaf,
    /// <summary>An OpenVEX document.</summary>
    OpenVex,
}
