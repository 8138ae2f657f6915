using System.Text.Json;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;

namespace Firebreak.Benchmarks;

/// <summary>Writes an <see cref="OsvAdvisory"/> back as OSV JSON, so converted RustSec records can join the generated corpus.</summary>
public static class OsvJson
{
    public static string Write(OsvAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var record = new Dictionary<string, object?>
        {
            ["id"] = advisory.Id,
            ["modified"] = advisory.Modified?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["aliases"] = advisory.Aliases,
            ["summary"] = advisory.Summary,
            ["severity"] = advisory.Severity.Select(s => new { type = s.StartsWith("CVSS:4", StringComparison.Ordinal) ? "CVSS_V4" : "CVSS_V3", score = s }),
            ["affected"] = advisory.Affected.Select(a => new
            {
                package = new { ecosystem = a.EcosystemName, name = a.Package },
                ranges = a.Ranges.Select(r => new { type = r.Type.ToString().ToUpperInvariant(), events = r.Events.Select(Event) }),
                versions = a.Versions,
            }),
            ["references"] = (advisory.References ?? []).Select(u => new { type = "WEB", url = u }),
        };
        if (advisory.Withdrawn) record["withdrawn"] = "2020-01-01T00:00:00Z";
        return JsonSerializer.Serialize(record);
    }

    private static Dictionary<string, string> Event(RangeEvent e) => new()
    {
        [e.Kind switch
        {
            RangeEventKind.Introduced => "introduced",
            RangeEventKind.Fixed => "fixed",
            RangeEventKind.LastAffected => "last_affected",
            RangeEventKind.Limit => "limit",
        }] = e.Version,
    };
}
