using Firebreak.Domain.Packages;

namespace Firebreak.Cli.Versions;

/// <summary>
/// The answer to one input line of `firebreak versions`: the result, or "error: what at position N" with N the
/// zero-based position in the line. Pure functions, so tests drive them without a process.
/// </summary>
internal sealed class VersionAnswers(VersionScheme scheme)
{
    private string? _lastRangeText;
    private object? _lastRange;
    private VersionParseError? _lastRangeError;

    /// <summary>"A B" → &lt;, = or &gt;.</summary>
    public string Compare(string line)
    {
        var space = line.IndexOfAny([' ', '\t']);
        if (space < 0) return Error(new VersionParseError("expected two versions separated by a space", line.Length));
        var rest = space + 1;
        if (line.IndexOfAny([' ', '\t'], rest) is var extra and >= 0) return Error(new VersionParseError("expected exactly two versions separated by one space", extra));
        if (!scheme.TryParse(line[..space], out var a, out var ea)) return Error(ea);
        if (!scheme.TryParse(line[rest..], out var b, out var eb)) return Error(eb.Shift(rest));
        return Math.Sign(a.CompareTo(b)) switch { < 0 => "<", > 0 => ">", _ => "=" };
    }

    /// <summary>"RANGE&lt;TAB&gt;VERSION" (RANGE native or vers) → true or false.</summary>
    public string Contains(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0) return Error(new VersionParseError("expected a range, a tab and a version", line.Length));
        var range = Range(line[..tab]);
        if (range is VersionParseError error) return Error(error);
        if (!scheme.TryParse(line[(tab + 1)..], out var version, out var bad)) return Error(bad.Shift(tab + 1));
        return (range is VersRange vers ? vers.Contains(version) : ((NativeRange)range!).Contains(version)) ? "true" : "false";
    }

    /// <summary>A native range (or a vers) → its normalised vers.</summary>
    public string Vers(string line)
    {
        if (line.StartsWith("vers:", StringComparison.Ordinal))
        {
            if (!VersRange.TryNormalize(line, out var normal, out var error)) return Error(error);
            return normal.Scheme == scheme ? normal.ToString() : Error(new VersionParseError($"the vers scheme '{normal.Scheme.Name}' is not {scheme.Name}", 5));
        }
        if (!NativeRange.TryParse(scheme, line, out var native, out var problem)) return Error(problem);
        try
        {
            return native.ToVers().ToString();
        }
        catch (VersionFormatException e)
        {
            return Error(e.Error);
        }
    }

    // Lines often repeat the range (one range, many versions): the last one parsed is kept.
    private object? Range(string text)
    {
        if (text == _lastRangeText) return (object?)_lastRange ?? _lastRangeError;
        _lastRangeText = text;
        _lastRange = null;
        _lastRangeError = null;
        if (text.StartsWith("vers:", StringComparison.Ordinal))
        {
            if (!VersRange.TryParse(text, out var vers, out _lastRangeError)) return _lastRangeError;
            if (vers.Scheme != scheme && vers.Scheme != VersionSchemes.AllVersions && vers.Scheme != VersionSchemes.NoVersions)
                return _lastRangeError = new VersionParseError($"the vers scheme '{vers.Scheme.Name}' is not {scheme.Name}", 5);
            return _lastRange = vers;
        }
        if (!NativeRange.TryParse(scheme, text, out var native, out _lastRangeError)) return _lastRangeError;
        return _lastRange = native;
    }

    private static string Error(VersionParseError error) => "error: " + error;
}
