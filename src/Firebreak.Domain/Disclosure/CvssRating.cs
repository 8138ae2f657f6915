using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Disclosure;

/// <summary>A CVSS vector an advisory publishes, validated and canonicalised by <see cref="CvssScorer"/>, with its score.</summary>
public sealed record CvssRating
{
    private CvssRating(string vector, CvssVersion version, double score, CvssSeverity severity)
    {
        Vector = vector;
        Version = version;
        Score = score;
        Severity = severity;
    }

    /// <summary>The canonical vector string.</summary>
    public string Vector { get; }

    /// <summary>3.0, 3.1 or 4.0.</summary>
    public CvssVersion Version { get; }

    /// <summary>The base score for v3.x (what OSV, CVE and CSAF call baseScore); the vector's score for v4.0.</summary>
    public double Score { get; }

    /// <summary>The qualitative rating of <see cref="Score"/>.</summary>
    public CvssSeverity Severity { get; }

    /// <summary>The version as the formats write it: <c>3.0</c>, <c>3.1</c> or <c>4.0</c>.</summary>
    public string VersionText => Version switch { CvssVersion.V30 => "3.0", CvssVersion.V31 => "3.1", CvssVersion.V40 => "4.0" };

    /// <summary>Parses a vector for <paramref name="field"/>; v3.x fields take 3.0 or 3.1, v4 fields only 4.0.</summary>
    public static CvssRating Parse(string? vector, string field, bool expectV4)
    {
        var result = CvssScorer.Score(vector);
        if (!result.IsValid) throw new DomainException($"{field}: '{vector}' is not a valid CVSS vector: {result.Error}");
        var version = result.Version!.Value;
        if (expectV4 != (version == CvssVersion.V40))
            throw new DomainException($"{field}: '{vector}' is a CVSS {(version == CvssVersion.V40 ? "4.0" : "3.x")} vector; expected {(expectV4 ? "4.0" : "3.0 or 3.1")}.");
        // Formats publish the base score beside the full vector (baseScore); v4.0 has one score per vector.
        var score = result.BaseScore ?? result.Score!.Value;
        return new CvssRating(result.Canonical!, version, score, version == CvssVersion.V40 ? result.Severity : CvssSeverities.Of(score));
    }
}
