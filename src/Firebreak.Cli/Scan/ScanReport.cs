using Firebreak.Domain.Advisories;

namespace Firebreak.Cli.Scan;

/// <summary>`--format`: writes the scan's findings (suppressed ones included, marked) in the chosen format.</summary>
internal static class ScanReport
{
    public static readonly string[] Formats = ["table", "json", "sarif", "markdown", "cyclonedx-vex"];

    public static void Write(TextWriter output, string format, IReadOnlyList<ScanFinding> findings, DateTimeOffset now)
    {
        switch (format)
        {
            case "table": ScanReportTable.Write(output, findings); break;
            case "json": output.WriteLine(ScanReportJson.Write(findings)); break;
            case "sarif": output.WriteLine(ScanReportSarif.Write(findings)); break;
            case "markdown": ScanReportMarkdown.Write(output, findings); break;
            case "cyclonedx-vex": output.WriteLine(ScanReportCycloneDx.Write(findings, now)); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Not a --format value.");
        }
    }

    /// <summary>
    /// "critical 9.8", "high", or "unknown": the band and, when scored, the CVSS score. A known-exploited flaw without a
    /// score reads "critical (known exploited)", the band the gate judges it by, never "unknown".
    /// </summary>
    public static string SeverityText(ScanFinding finding) =>
        (finding.Severity.Level?.ToString().ToLowerInvariant() ?? (finding.Kev is not null ? "critical (known exploited)" : "unknown"))
        + (finding.Severity.Score is { } score ? " " + score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "");

    /// <summary>Cargo findings read as "name version" (Cargo.lock's own terms); others by their purl.</summary>
    public static string ComponentText(ScanFinding finding) =>
        finding.Database == AdvisoryDatabase.RustSec ? $"{finding.Component.Name} {finding.Component.Version}" : finding.Component.ToString();
}
