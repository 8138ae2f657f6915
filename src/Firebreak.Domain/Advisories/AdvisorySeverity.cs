using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// How severe an advisory is: a CVSS score and its band when a vector could be scored, else only the band the
/// database states, else nothing known.
/// </summary>
/// <param name="Level">The qualitative band; null when the advisory gives no usable rating.</param>
/// <param name="Score">The CVSS score (0.0–10.0), when scored from a vector.</param>
/// <param name="Vector">The canonical vector that was scored.</param>
/// <param name="Version">That vector's CVSS version.</param>
public sealed record AdvisorySeverity(CvssSeverity? Level, double? Score, string? Vector, CvssVersion? Version)
{
    /// <summary>No rating known.</summary>
    public static AdvisorySeverity Unknown { get; } = new(null, null, null, null);

    /// <summary>Scores a RustSec <c>cvss</c> field; an absent or unscorable vector gives <see cref="Unknown"/>.</summary>
    public static AdvisorySeverity FromVector(string? vector) => FromVectors(vector is null ? [] : [vector], null);

    /// <summary>
    /// Scores OSV <c>severity[].score</c> vectors (CVSS v3.x and v4.0; v2 and other types do not parse and
    /// are skipped), keeping the highest score so a CI gate errs towards failing. Without a scorable vector,
    /// falls back to <c>database_specific.severity</c> (GitHub's LOW, MODERATE, HIGH, CRITICAL).
    /// </summary>
    public static AdvisorySeverity FromVectors(IEnumerable<string> vectors, string? databaseSeverity)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var best = vectors.Select(v => CvssScorer.Score(v)).Where(r => r.IsValid && r.Score is not null).MaxBy(r => r.Score);
        if (best is not null) return new AdvisorySeverity(best.Severity, best.Score, best.Canonical, best.Version);
        CvssSeverity? stated = databaseSeverity?.Trim().ToUpperInvariant() switch
        {
            "CRITICAL" => CvssSeverity.Critical,
            "HIGH" => CvssSeverity.High,
            "MODERATE" or "MEDIUM" => CvssSeverity.Medium,
            "LOW" => CvssSeverity.Low,
            _ => null,
        };
        return stated is null ? Unknown : new AdvisorySeverity(stated, null, null, null);
    }
}
