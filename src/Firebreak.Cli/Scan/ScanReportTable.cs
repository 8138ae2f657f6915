using System.Globalization;
using Firebreak.Domain.Advisories;

namespace Firebreak.Cli.Scan;

/// <summary>The default human-readable output: one block per finding, suppressed findings listed after.</summary>
internal static class ScanReportTable
{
    public static void Write(TextWriter output, IReadOnlyList<ScanFinding> findings)
    {
        var active = findings.Where(f => f.Suppression is null && f.Ignored is null).ToList();
        var suppressed = findings.Where(f => f.Suppression is not null).ToList();
        var ignored = findings.Where(f => f.Suppression is null && f.Ignored is not null).ToList();
        output.WriteLine($"{active.Count} finding(s)" + (suppressed.Count > 0 ? $", {suppressed.Count} suppressed by VEX" : "") + (ignored.Count > 0 ? $", {ignored.Count} ignored" : ""));
        foreach (var f in active)
        {
            output.WriteLine($"{f.File}: {ScanReport.ComponentText(f)}  {string.Join(" ", f.Ids)}  fix: {f.FixedVersion ?? "none"}  severity: {ScanReport.SeverityText(f)}");
            if (f.Title.Length > 0) output.WriteLine($"    {f.Title}");
            if (f.Kev is { } k)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    KNOWN EXPLOITED: {k.CveId} in CISA KEV since {k.DateAdded:yyyy-MM-dd}, due {k.DueDate:yyyy-MM-dd}, ransomware use: {k.KnownRansomwareCampaignUse}"));
            // One step: the component is a root itself — the project's own package, or one it asks for directly.
            if (f.DependencyPath.Count == 1) output.WriteLine("    pulled in by: the project itself (a root of the dependency graph)");
            else if (f.DependencyPath.Count > 1) output.WriteLine($"    pulled in by: {string.Join(" → ", f.DependencyPath)}");
        }
        foreach (var f in suppressed)
            output.WriteLine($"{f.File}: {ScanReport.ComponentText(f)}  {string.Join(" ", f.Ids)}  suppressed by VEX ({f.Suppression!.Vulnerability}): {f.Suppression.Reason}");
        foreach (var f in ignored)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.File}: {ScanReport.ComponentText(f)}  {string.Join(" ", f.Ids)}  ignored {(f.Ignored!.Until is { } until ? $"until {until:yyyy-MM-dd}" : "without expiry")}{(f.Ignored.Reason.Length > 0 ? ": " + f.Ignored.Reason : "")}"));
    }
}
