using Firebreak.Domain.Advisories;

namespace Firebreak.Cli.Scan;

/// <summary>`--format markdown`: GitHub-flavoured tables for a CI job summary (e.g. appended to $GITHUB_STEP_SUMMARY).</summary>
internal static class ScanReportMarkdown
{
    public static void Write(TextWriter output, IReadOnlyList<ScanFinding> findings)
    {
        var active = findings.Where(f => f.Suppression is null && f.Ignored is null).ToList();
        var suppressed = findings.Where(f => f.Suppression is not null).ToList();
        output.WriteLine($"### firebreak scan: {active.Count} finding(s), {suppressed.Count} suppressed by VEX");
        output.WriteLine();
        if (active.Count == 0) output.WriteLine("No vulnerable dependencies found.");
        else
        {
            output.WriteLine("| Severity | Advisory | Package | File | Fixed in | Known exploited |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var f in active)
                output.WriteLine($"| {ScanReport.SeverityText(f)} | {Advisory(f)} | `{Cell(f.Component.ToString())}`{Via(f)} | {Cell(f.File)} | {Cell(f.FixedVersion ?? "none")} | {(f.Kev is { } k ? Cell(k.CveId) : "")} |");
        }
        if (suppressed.Count == 0) return;
        output.WriteLine();
        output.WriteLine("#### Suppressed by VEX");
        output.WriteLine();
        output.WriteLine("| Advisory | Package | Status | Justification |");
        output.WriteLine("|---|---|---|---|");
        foreach (var f in suppressed)
            output.WriteLine($"| {Advisory(f)} | `{Cell(f.Component.ToString())}` | {Firebreak.Domain.Vex.VexTerms.ToText(f.Suppression!.Status)} | {Cell(f.Suppression.Reason)} |");
    }

    /// <summary>The dependency path under the package, when there is one beyond the package itself.</summary>
    private static string Via(ScanFinding f) => f.DependencyPath.Count > 1 ? "<br>via " + Cell(string.Join(" → ", f.DependencyPath)) : "";

    private static string Advisory(ScanFinding f)
    {
        var id = f.HelpUri is { } uri ? $"[{Cell(f.AdvisoryId)}]({uri.Replace(")", "%29", StringComparison.Ordinal)})" : Cell(f.AdvisoryId);
        var aliases = f.Aliases.Count > 0 ? " (" + Cell(string.Join(", ", f.Aliases)) + ")" : "";
        return id + aliases + (f.Title.Length > 0 ? "<br>" + Cell(f.Title) : "");
    }

    // A pipe ends a cell and a newline ends the row; markup characters would turn titles into formatting.
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("`", "'", StringComparison.Ordinal);
}
