namespace Firebreak.Domain.Cvss;

/// <summary>The CVSS versions this engine reads.</summary>
public enum CvssVersion
{
    /// <summary>CVSS v3.0 (<c>CVSS:3.0/</c>).</summary>
    V30,
    /// <summary>CVSS v3.1 (<c>CVSS:3.1/</c>).</summary>
    V31,
    /// <summary>CVSS v4.0 (<c>CVSS:4.0/</c>).</summary>
    V40,
}

/// <summary>Qualitative severity rating shared by v3.x and v4.0.</summary>
public enum CvssSeverity
{
    /// <summary>0.0.</summary>
    None,
    /// <summary>0.1–3.9.</summary>
    Low,
    /// <summary>4.0–6.9.</summary>
    Medium,
    /// <summary>7.0–8.9.</summary>
    High,
    /// <summary>9.0–10.0.</summary>
    Critical,
}

/// <summary>Metric groups, as the specifications name them.</summary>
public enum CvssMetricGroup
{
    /// <summary>Base metrics (mandatory).</summary>
    Base,
    /// <summary>v3.x temporal metrics.</summary>
    Temporal,
    /// <summary>v4.0 threat metrics.</summary>
    Threat,
    /// <summary>Environmental metrics (requirements and modified base metrics).</summary>
    Environmental,
    /// <summary>v4.0 supplemental metrics: carried, never scored.</summary>
    Supplemental,
}

/// <summary>One value a metric can take.</summary>
/// <param name="Abbreviation">As written in vectors, e.g. <c>N</c>.</param>
/// <param name="Name">In words, e.g. <c>Network</c>.</param>
public sealed record CvssMetricValue(string Abbreviation, string Name);

/// <summary>A metric of a CVSS version.</summary>
/// <param name="Abbreviation">As written in vectors, e.g. <c>AV</c>.</param>
/// <param name="Name">In words, e.g. <c>Attack Vector</c>.</param>
/// <param name="Group">Its metric group.</param>
/// <param name="Values">Allowed values; for optional metrics the first is <c>X</c> (Not Defined).</param>
public sealed record CvssMetric(string Abbreviation, string Name, CvssMetricGroup Group, IReadOnlyList<CvssMetricValue> Values)
{
    /// <summary>Base metrics must be present in every vector.</summary>
    public bool Mandatory => Group == CvssMetricGroup.Base;

    /// <summary>The index of a value abbreviation, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> abbreviation)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (abbreviation.SequenceEqual(Values[i].Abbreviation)) return i;
        }
        return -1;
    }
}

/// <summary>Severity bands of the specifications.</summary>
public static class CvssSeverities
{
    /// <summary>The qualitative rating of a score (0.0–10.0).</summary>
    public static CvssSeverity Of(double score) => score switch
    {
        <= 0.0 => CvssSeverity.None,
        < 4.0 => CvssSeverity.Low,
        < 7.0 => CvssSeverity.Medium,
        < 9.0 => CvssSeverity.High,
        _ => CvssSeverity.Critical,
    };
}
