namespace Firebreak.Domain.Cvss;

/// <summary>Why a vector string was refused: what, and the 0-based character position.</summary>
/// <param name="Message">What is wrong, naming the metric or value.</param>
/// <param name="Position">0-based position in the input where the problem is.</param>
public sealed record CvssParseError(string Message, int Position)
{
    /// <inheritdoc />
    public override string ToString() => $"{Message} (at position {Position})";
}

/// <summary>Thrown by <see cref="CvssParser.Parse"/> for an invalid vector.</summary>
public sealed class CvssParseException : FormatException
{
    /// <summary>Creates the exception from a parse error.</summary>
    public CvssParseException(CvssParseError error) : base(error.ToString())
    {
        Position = error.Position;
    }

    /// <summary>Creates the exception with a message.</summary>
    public CvssParseException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CvssParseException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public CvssParseException() { }

    /// <summary>0-based position of the problem.</summary>
    public int Position { get; }
}

/// <summary>
/// Strict reading of CVSS v3.0, v3.1 and v4.0 vector strings: the prefix, every metric and value,
/// every base metric present, none twice, no empty segments. Metrics out of the specification's
/// order are accepted with a warning (and canonicalised) unless <c>strict</c> is set.
/// </summary>
public static class CvssParser
{
    /// <summary>Longest input considered (a full v4.0 vector with every metric is about 190 characters).</summary>
    public const int MaxLength = 512;

    /// <summary>Parses or throws <see cref="CvssParseException"/>.</summary>
    public static CvssVector Parse(string text, bool strict = false) =>
        TryParse(text, strict, out var vector, out var error, out _) ? vector! : throw new CvssParseException(error!);

    /// <summary>Parses; never throws for any input. <paramref name="reordered"/> is set when metrics were out of order.</summary>
    public static bool TryParse(string? text, bool strict, out CvssVector? vector, out CvssParseError? error, out bool reordered)
    {
        vector = null;
        reordered = false;
        error = Check(text, strict, ref vector, ref reordered, out _);
        return error is null;
    }

    private static CvssParseError? Check(string? text, bool strict, ref CvssVector? vector, ref bool reordered, out bool notDefined)
    {
        notDefined = false;
        if (string.IsNullOrEmpty(text)) return new("The vector is empty", 0);
        if (text.Length > MaxLength) return new($"The vector is longer than {MaxLength} characters", MaxLength);
        CvssVersion version;
        if (text.StartsWith("CVSS:4.0/", StringComparison.Ordinal)) version = CvssVersion.V40;
        else if (text.StartsWith("CVSS:3.1/", StringComparison.Ordinal)) version = CvssVersion.V31;
        else if (text.StartsWith("CVSS:3.0/", StringComparison.Ordinal)) version = CvssVersion.V30;
        else return new("The vector must start with CVSS:4.0/, CVSS:3.1/ or CVSS:3.0/", 0);

        var metrics = CvssCatalog.For(version);
        var values = new sbyte[metrics.Count];
        Array.Fill(values, (sbyte)-1);
        var span = text.AsSpan();
        var position = 9;
        var last = -1;
        while (true)
        {
            var end = span[position..].IndexOf('/');
            var segment = end < 0 ? span[position..] : span.Slice(position, end);
            if (segment.IsEmpty) return new(end < 0 ? "The vector ends with '/'" : "Empty metric between '/' separators", position);
            var colon = segment.IndexOf(':');
            if (colon <= 0) return new($"'{segment}' is not METRIC:VALUE", position);
            var name = segment[..colon];
            var valueText = segment[(colon + 1)..];
            // Vectors are nearly always in canonical order: try the metric after the last one first.
            var index = last + 1 < metrics.Count && name.SequenceEqual(metrics[last + 1].Abbreviation) ? last + 1 : IndexOfMetric(metrics, name);
            if (index < 0) return new($"Unknown metric '{name}' for CVSS {Label(version)}", position);
            var metric = metrics[index];
            if (values[index] >= 0) return new($"Metric {metric.Abbreviation} appears more than once", position);
            var value = metric.IndexOf(valueText);
            if (value < 0)
                return new($"'{valueText}' is not a value of {metric.Abbreviation} ({metric.Name}); expected one of {string.Join(", ", metric.Values.Select(v => v.Abbreviation))}", position + colon + 1);
            if (index < last)
            {
                if (strict) return new($"Metric {metric.Abbreviation} is out of the specification's order (it comes before {metrics[last].Abbreviation})", position);
                reordered = true;
            }
            last = Math.Max(last, index);
            values[index] = (sbyte)value;
            if (value == 0 && !metric.Mandatory) notDefined = true; // an explicit X, which the canonical form leaves out
            if (end < 0) break;
            position += end + 1;
        }
        for (var i = 0; i < metrics.Count; i++)
        {
            if (!metrics[i].Mandatory || values[i] >= 0) continue;
            var missing = metrics.Where((m, j) => m.Mandatory && values[j] < 0).Select(m => m.Abbreviation).ToList();
            return new($"Missing base metric{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}", text.Length);
        }
        // An input already in canonical form is its own canonical string.
        vector = new CvssVector(version, values, reordered || notDefined ? null : text);
        return null;
    }

    private static int IndexOfMetric(IReadOnlyList<CvssMetric> metrics, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            if (name.SequenceEqual(metrics[i].Abbreviation)) return i;
        }
        return -1;
    }

    internal static string Label(CvssVersion version) => version switch
    {
        CvssVersion.V30 => "3.0",
        CvssVersion.V31 => "3.1",
        CvssVersion.V40 => "4.0",
    };
}
