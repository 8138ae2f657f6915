namespace Firebreak.Domain.Cvss;

/// <summary>The one entry point for the web and the CLI: parse a vector string and score it. Never throws on input.</summary>
public static class CvssScorer
{
    /// <summary>Scores a vector string; an invalid one gives a result with <see cref="CvssScoreResult.Error"/>.</summary>
    public static CvssScoreResult Score(string? text, bool strict = false)
    {
        var input = text ?? "";
        if (!CvssParser.TryParse(input.Trim(), strict, out var vector, out var error, out var reordered))
            return new CvssScoreResult { Input = input, Error = error };
        return Score(vector!, input, reordered ? ["Metrics were out of the specification's order; the canonical vector orders them."] : []);
    }

    /// <summary>Scores a parsed vector.</summary>
    public static CvssScoreResult Score(CvssVector vector, string? input = null, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var canonical = vector.ToString();
        if (vector.Version == CvssVersion.V40)
        {
            var score = Cvss4Scorer.Score(vector, out var macroVector);
            var nomenclature = (vector.Defines(CvssMetricGroup.Threat), vector.Defines(CvssMetricGroup.Environmental)) switch
            {
                (false, false) => "CVSS-B",
                (true, false) => "CVSS-BT",
                (false, true) => "CVSS-BE",
                (true, true) => "CVSS-BTE",
            };
            return new CvssScoreResult
            {
                Input = input ?? canonical, Version = vector.Version, Vector = vector, Canonical = canonical, Warnings = warnings ?? [],
                Score = score, MacroVector = macroVector, Severity = CvssSeverities.Of(score), Nomenclature = nomenclature,
            };
        }
        var (baseScore, temporalScore, environmentalScore) = Cvss3Scorer.Score(vector);
        // A vector that writes a group's metrics, even all as X, asks for that group's score, as FIRST's calculator shows it.
        double? temporal = vector.Writes(CvssMetricGroup.Temporal) ? temporalScore : null;
        double? env = vector.Writes(CvssMetricGroup.Environmental) ? environmentalScore : null;
        var headline = env ?? temporal ?? baseScore;
        return new CvssScoreResult
        {
            Input = input ?? canonical, Version = vector.Version, Vector = vector, Canonical = canonical, Warnings = warnings ?? [],
            BaseScore = baseScore, TemporalScore = temporal, EnvironmentalScore = env, Score = headline, Severity = CvssSeverities.Of(headline),
        };
    }
}
