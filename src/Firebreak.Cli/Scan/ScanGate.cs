using Firebreak.Domain.Advisories;
using Firebreak.Domain.Cvss;

namespace Firebreak.Cli.Scan;

/// <summary>`--fail-on`: which unsuppressed findings make `scan` exit 6. Findings suppressed by VEX or deferred by a holding ignore never count.</summary>
internal static class ScanGate
{
    public static readonly string[] Levels = ["any", "kev", "critical", "high", "none"];

    /// <summary>True when a finding not suppressed by VEX reaches the level. KEV findings count as critical.</summary>
    public static bool Fails(string level, IEnumerable<ScanFinding> findings)
    {
        var active = findings.Where(f => f.Suppression is null && f.Ignored is null);
        return level switch
        {
            "any" => active.Any(),
            "kev" => active.Any(f => f.Kev is not null),
            "critical" => active.Any(f => f.GateSeverity == CvssSeverity.Critical),
            "high" => active.Any(f => f.GateSeverity is CvssSeverity.High or CvssSeverity.Critical),
            "none" => false,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a --fail-on level."),
        };
    }
}
