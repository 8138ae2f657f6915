using System.Text;

namespace Firebreak.Domain.Cvss;

/// <summary>
/// A parsed CVSS vector: its version and, for each metric of <see cref="CvssCatalog.For"/>, the index
/// of its value (-1 when absent). <see cref="ToString"/> gives the canonical string: the
/// specification's metric order, Not Defined (X) values left out.
/// </summary>
public sealed class CvssVector : IEquatable<CvssVector>
{
    private readonly sbyte[] _values;

    private string? _canonical;

    internal CvssVector(CvssVersion version, sbyte[] values, string? canonical = null)
    {
        Version = version;
        _values = values;
        _canonical = canonical;
    }

    /// <summary>The version.</summary>
    public CvssVersion Version { get; }

    /// <summary>The metrics of this vector's version, in canonical order.</summary>
    public IReadOnlyList<CvssMetric> Metrics => CvssCatalog.For(Version);

    /// <summary>Value index of the metric at a catalog position, or -1 when absent.</summary>
    public int ValueIndex(int metricIndex) => _values[metricIndex];

    /// <summary>The value abbreviation of a metric, or null when absent.</summary>
    public string? this[string metric]
    {
        get
        {
            var metrics = Metrics;
            for (var i = 0; i < metrics.Count; i++)
            {
                if (metrics[i].Abbreviation == metric) return _values[i] < 0 ? null : metrics[i].Values[_values[i]].Abbreviation;
            }
            throw new ArgumentException($"CVSS {Version} has no metric '{metric}'.", nameof(metric));
        }
    }

    /// <summary>True when any metric of the group is present with a value other than Not Defined.</summary>
    public bool Defines(CvssMetricGroup group)
    {
        var metrics = Metrics;
        for (var i = 0; i < metrics.Count; i++)
        {
            // Optional metrics list Not Defined (X) first.
            if (_values[i] > 0 && metrics[i].Group == group) return true;
        }
        return false;
    }

    /// <summary>True when any metric of the group is written, even as Not Defined (X).</summary>
    public bool Writes(CvssMetricGroup group)
    {
        var metrics = Metrics;
        for (var i = 0; i < metrics.Count; i++)
        {
            if (_values[i] >= 0 && metrics[i].Group == group) return true;
        }
        return false;
    }

    /// <summary>The canonical vector string.</summary>
    public override string ToString() => _canonical ??= Format();

    private string Format()
    {
        var metrics = Metrics;
        var text = new StringBuilder(CvssCatalog.Prefix(Version), 128);
        var first = true;
        for (var i = 0; i < metrics.Count; i++)
        {
            if (_values[i] < 0) continue;
            var value = metrics[i].Values[_values[i]].Abbreviation;
            if (value == "X") continue;
            if (!first) text.Append('/');
            text.Append(metrics[i].Abbreviation).Append(':').Append(value);
            first = false;
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(CvssVector? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CvssVector);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
