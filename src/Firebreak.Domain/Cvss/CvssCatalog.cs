namespace Firebreak.Domain.Cvss;

/// <summary>
/// The metrics of each version in the specifications' canonical order, with their values in
/// words: the one source for parsing, formatting, explaining and building calculators.
/// </summary>
public static class CvssCatalog
{
    private static CvssMetricValue V(string a, string n) => new(a, n);
    private static readonly CvssMetricValue X = V("X", "Not Defined");
    private static CvssMetric M(string a, string n, CvssMetricGroup g, params CvssMetricValue[] values) => new(a, n, g, values);

    private static readonly CvssMetricValue[] Impact3 = [V("H", "High"), V("L", "Low"), V("N", "None")];
    private static readonly CvssMetricValue[] Requirement = [X, V("H", "High"), V("M", "Medium"), V("L", "Low")];

    /// <summary>CVSS v3.0 and v3.1 (same metrics).</summary>
    public static IReadOnlyList<CvssMetric> V3 { get; } =
    [
        M("AV", "Attack Vector", CvssMetricGroup.Base, V("N", "Network"), V("A", "Adjacent"), V("L", "Local"), V("P", "Physical")),
        M("AC", "Attack Complexity", CvssMetricGroup.Base, V("L", "Low"), V("H", "High")),
        M("PR", "Privileges Required", CvssMetricGroup.Base, V("N", "None"), V("L", "Low"), V("H", "High")),
        M("UI", "User Interaction", CvssMetricGroup.Base, V("N", "None"), V("R", "Required")),
        M("S", "Scope", CvssMetricGroup.Base, V("U", "Unchanged"), V("C", "Changed")),
        M("C", "Confidentiality", CvssMetricGroup.Base, Impact3),
        M("I", "Integrity", CvssMetricGroup.Base, Impact3),
        M("A", "Availability", CvssMetricGroup.Base, Impact3),
        M("E", "Exploit Code Maturity", CvssMetricGroup.Temporal, X, V("H", "High"), V("F", "Functional"), V("P", "Proof-of-Concept"), V("U", "Unproven")),
        M("RL", "Remediation Level", CvssMetricGroup.Temporal, X, V("U", "Unavailable"), V("W", "Workaround"), V("T", "Temporary Fix"), V("O", "Official Fix")),
        M("RC", "Report Confidence", CvssMetricGroup.Temporal, X, V("C", "Confirmed"), V("R", "Reasonable"), V("U", "Unknown")),
        M("CR", "Confidentiality Requirement", CvssMetricGroup.Environmental, Requirement),
        M("IR", "Integrity Requirement", CvssMetricGroup.Environmental, Requirement),
        M("AR", "Availability Requirement", CvssMetricGroup.Environmental, Requirement),
        M("MAV", "Modified Attack Vector", CvssMetricGroup.Environmental, X, V("N", "Network"), V("A", "Adjacent"), V("L", "Local"), V("P", "Physical")),
        M("MAC", "Modified Attack Complexity", CvssMetricGroup.Environmental, X, V("L", "Low"), V("H", "High")),
        M("MPR", "Modified Privileges Required", CvssMetricGroup.Environmental, X, V("N", "None"), V("L", "Low"), V("H", "High")),
        M("MUI", "Modified User Interaction", CvssMetricGroup.Environmental, X, V("N", "None"), V("R", "Required")),
        M("MS", "Modified Scope", CvssMetricGroup.Environmental, X, V("U", "Unchanged"), V("C", "Changed")),
        M("MC", "Modified Confidentiality", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
        M("MI", "Modified Integrity", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
        M("MA", "Modified Availability", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
    ];

    /// <summary>CVSS v4.0.</summary>
    public static IReadOnlyList<CvssMetric> V4 { get; } =
    [
        M("AV", "Attack Vector", CvssMetricGroup.Base, V("N", "Network"), V("A", "Adjacent"), V("L", "Local"), V("P", "Physical")),
        M("AC", "Attack Complexity", CvssMetricGroup.Base, V("L", "Low"), V("H", "High")),
        M("AT", "Attack Requirements", CvssMetricGroup.Base, V("N", "None"), V("P", "Present")),
        M("PR", "Privileges Required", CvssMetricGroup.Base, V("N", "None"), V("L", "Low"), V("H", "High")),
        M("UI", "User Interaction", CvssMetricGroup.Base, V("N", "None"), V("P", "Passive"), V("A", "Active")),
        M("VC", "Vulnerable System Confidentiality", CvssMetricGroup.Base, Impact3),
        M("VI", "Vulnerable System Integrity", CvssMetricGroup.Base, Impact3),
        M("VA", "Vulnerable System Availability", CvssMetricGroup.Base, Impact3),
        M("SC", "Subsequent System Confidentiality", CvssMetricGroup.Base, Impact3),
        M("SI", "Subsequent System Integrity", CvssMetricGroup.Base, Impact3),
        M("SA", "Subsequent System Availability", CvssMetricGroup.Base, Impact3),
        M("E", "Exploit Maturity", CvssMetricGroup.Threat, X, V("A", "Attacked"), V("P", "POC"), V("U", "Unreported")),
        M("CR", "Confidentiality Requirement", CvssMetricGroup.Environmental, Requirement),
        M("IR", "Integrity Requirement", CvssMetricGroup.Environmental, Requirement),
        M("AR", "Availability Requirement", CvssMetricGroup.Environmental, Requirement),
        M("MAV", "Modified Attack Vector", CvssMetricGroup.Environmental, X, V("N", "Network"), V("A", "Adjacent"), V("L", "Local"), V("P", "Physical")),
        M("MAC", "Modified Attack Complexity", CvssMetricGroup.Environmental, X, V("L", "Low"), V("H", "High")),
        M("MAT", "Modified Attack Requirements", CvssMetricGroup.Environmental, X, V("N", "None"), V("P", "Present")),
        M("MPR", "Modified Privileges Required", CvssMetricGroup.Environmental, X, V("N", "None"), V("L", "Low"), V("H", "High")),
        M("MUI", "Modified User Interaction", CvssMetricGroup.Environmental, X, V("N", "None"), V("P", "Passive"), V("A", "Active")),
        M("MVC", "Modified Vulnerable System Confidentiality", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
        M("MVI", "Modified Vulnerable System Integrity", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
        M("MVA", "Modified Vulnerable System Availability", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "None")),
        M("MSC", "Modified Subsequent System Confidentiality", CvssMetricGroup.Environmental, X, V("H", "High"), V("L", "Low"), V("N", "Negligible")),
        M("MSI", "Modified Subsequent System Integrity", CvssMetricGroup.Environmental, X, V("S", "Safety"), V("H", "High"), V("L", "Low"), V("N", "Negligible")),
        M("MSA", "Modified Subsequent System Availability", CvssMetricGroup.Environmental, X, V("S", "Safety"), V("H", "High"), V("L", "Low"), V("N", "Negligible")),
        M("S", "Safety", CvssMetricGroup.Supplemental, X, V("N", "Negligible"), V("P", "Present")),
        M("AU", "Automatable", CvssMetricGroup.Supplemental, X, V("N", "No"), V("Y", "Yes")),
        M("R", "Recovery", CvssMetricGroup.Supplemental, X, V("A", "Automatic"), V("U", "User"), V("I", "Irrecoverable")),
        M("V", "Value Density", CvssMetricGroup.Supplemental, X, V("D", "Diffuse"), V("C", "Concentrated")),
        M("RE", "Vulnerability Response Effort", CvssMetricGroup.Supplemental, X, V("L", "Low"), V("M", "Moderate"), V("H", "High")),
        M("U", "Provider Urgency", CvssMetricGroup.Supplemental, X, V("Clear", "Clear"), V("Green", "Green"), V("Amber", "Amber"), V("Red", "Red")),
    ];

    /// <summary>The metrics of a version.</summary>
    public static IReadOnlyList<CvssMetric> For(CvssVersion version) => version == CvssVersion.V40 ? V4 : V3;

    /// <summary>The vector prefix of a version, e.g. <c>CVSS:4.0/</c>.</summary>
    public static string Prefix(CvssVersion version) => version switch
    {
        CvssVersion.V30 => "CVSS:3.0/",
        CvssVersion.V31 => "CVSS:3.1/",
        CvssVersion.V40 => "CVSS:4.0/",
    };
}
