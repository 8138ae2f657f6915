namespace Firebreak.Domain.Cvss;

/// <summary>
/// The outcome of scoring one vector string: either an <see cref="Error"/>, or the version, the
/// canonical vector and the scores. For v3.x, <see cref="TemporalScore"/> and
/// <see cref="EnvironmentalScore"/> are null unless the vector defines a metric of that group;
/// <see cref="Score"/> is the most specific of the three. For v4.0, <see cref="Score"/> is the
/// single score named by <see cref="Nomenclature"/> (CVSS-B, -BT, -BE or -BTE).
/// </summary>
public sealed record CvssScoreResult
{
    /// <summary>The input as given.</summary>
    public required string Input { get; init; }

    /// <summary>Why the input is not a valid vector; null when it is.</summary>
    public CvssParseError? Error { get; init; }

    /// <summary>The version, when valid.</summary>
    public CvssVersion? Version { get; init; }

    /// <summary>The parsed vector, when valid.</summary>
    public CvssVector? Vector { get; init; }

    /// <summary>The canonical vector string, when valid.</summary>
    public string? Canonical { get; init; }

    /// <summary>v3.x base score.</summary>
    public double? BaseScore { get; init; }

    /// <summary>v3.x temporal score, when temporal metrics are defined.</summary>
    public double? TemporalScore { get; init; }

    /// <summary>v3.x environmental score, when environmental metrics are defined.</summary>
    public double? EnvironmentalScore { get; init; }

    /// <summary>The headline score (see the type's remarks).</summary>
    public double? Score { get; init; }

    /// <summary>v4.0 nomenclature of <see cref="Score"/>.</summary>
    public string? Nomenclature { get; init; }

    /// <summary>v4.0 macrovector (EQ1–EQ6 levels).</summary>
    public string? MacroVector { get; init; }

    /// <summary>Qualitative severity of <see cref="Score"/> (None when invalid).</summary>
    public CvssSeverity Severity { get; init; }

    /// <summary>Things accepted but worth knowing, such as metrics out of order.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the input was a valid vector.</summary>
    public bool IsValid => Error is null;
}
