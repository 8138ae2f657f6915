namespace Firebreak.Domain.Packages;

/// <summary>
/// One OSV affected entry's ranges and listed versions for an ecosystem, with every event version parsed
/// once and each range's events sorted once, so testing many versions re-parses only the version tested.
/// The rules are <see cref="VersionRangeEvaluator"/>'s (which delegates here). Immutable apart from a
/// memo of which fixed versions are themselves affected (each slot written with one value only), so one
/// instance may be shared by any number of threads.
/// </summary>
public sealed class AffectedVersionBounds
{
    private const byte Unknown = 0, NotAffected = 1, Affected = 2;
    private readonly Ecosystem _ecosystem;
    private readonly string[] _versions;
    private readonly CompiledRange[] _ranges;
    private readonly Fix[] _fixes;
    private readonly byte[] _fixAffected;

    private AffectedVersionBounds(Ecosystem ecosystem, string[] versions, CompiledRange[] ranges, Fix[] fixes)
    {
        _ecosystem = ecosystem;
        _versions = versions;
        _ranges = ranges;
        _fixes = fixes;
        _fixAffected = new byte[fixes.Length];
    }

    /// <summary>Parses the bounds of <paramref name="ranges"/> (GIT ranges are left out: they never match by version).</summary>
    public static AffectedVersionBounds Create(Ecosystem ecosystem, IEnumerable<AffectedRange> ranges, IEnumerable<string>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var compiled = new List<CompiledRange>();
        var fixes = new List<Fix>();
        foreach (var range in ranges.Where(r => r.Type != AffectedRangeType.Git))
        {
            var semver = range.Type == AffectedRangeType.Semver;
            var scheme = semver ? Ecosystem.Npm : ecosystem;
            var events = new List<(IComparable? At, RangeEventKind Kind)>();
            var limits = new List<IComparable?>();
            foreach (var e in range.Events)
            {
                var parsed = e.Version == "0" && e.Kind == RangeEventKind.Introduced ? null
                    : EcosystemVersions.TryParse(scheme, e.Version, out var p) ? p : null;
                if (e.Kind == RangeEventKind.Limit)
                {
                    if (e.Version == "*" || parsed is not null) limits.Add(parsed);
                }
                else if (parsed is not null || e.Kind == RangeEventKind.Introduced)
                {
                    events.Add((parsed, e.Kind)); // null At: introduced "0" (or unparseable) is the lowest
                }
                if (e.Kind == RangeEventKind.Fixed && parsed is not null) fixes.Add(new Fix(parsed, e.Version, semver));
            }
            // OrderBy is stable: equal bounds keep the record's order, as the evaluator always walked them.
            compiled.Add(new CompiledRange(semver, [.. limits], [.. events.OrderBy(e => e.At, BoundOrder)]));
        }
        return new AffectedVersionBounds(ecosystem, versions?.ToArray() ?? [], [.. compiled], [.. fixes]);
    }

    /// <summary>Whether <paramref name="version"/> is listed or lies in any range.</summary>
    public bool IsAffected(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var probe = new VersionProbe(_ecosystem, version);
        return IsAffected(ref probe);
    }

    /// <summary>The lowest fixed version above <paramref name="version"/> that is itself not affected; null when there is none.</summary>
    public string? FixedVersionFor(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var probe = new VersionProbe(_ecosystem, version);
        return FixedVersionFor(ref probe);
    }

    internal bool IsAffected(ref VersionProbe probe)
    {
        foreach (var listed in _versions) if (string.Equals(listed, probe.Text, StringComparison.Ordinal)) return true;
        foreach (var range in _ranges)
        {
            if (probe.For(range.Semver) is { } v && range.Contains(v)) return true;
        }
        return false;
    }

    internal string? FixedVersionFor(ref VersionProbe probe)
    {
        // The lowest fix above the version that is not itself affected; among equal fixes the first in
        // record order, as a stable sort followed by "first not affected" picks.
        var best = -1;
        for (var i = 0; i < _fixes.Length; i++)
        {
            if (probe.For(_fixes[i].Semver) is not { } v || _fixes[i].At.CompareTo(v) <= 0) continue;
            if ((best < 0 || _fixes[i].At.CompareTo(_fixes[best].At) < 0) && !FixIsAffected(i)) best = i;
        }
        return best < 0 ? null : _fixes[best].Text;
    }

    private bool FixIsAffected(int fix)
    {
        var known = Volatile.Read(ref _fixAffected[fix]);
        if (known != Unknown) return known == Affected;
        var probe = new VersionProbe(_ecosystem, _fixes[fix].Text);
        var affected = IsAffected(ref probe);
        Volatile.Write(ref _fixAffected[fix], affected ? Affected : NotAffected);
        return affected;
    }

    private static readonly Comparer<IComparable?> BoundOrder = Comparer<IComparable?>.Create(static (a, b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b));

    private readonly record struct Fix(IComparable At, string Text, bool Semver);

    /// <summary>A non-GIT range: its limits (null for "*") and its events sorted by bound, null ("0") lowest.</summary>
    private sealed class CompiledRange(bool semver, IComparable?[] limits, (IComparable? At, RangeEventKind Kind)[] events)
    {
        public bool Semver => semver;

        public bool Contains(IComparable v)
        {
            if (limits.Length > 0 && !BelowSomeLimit(v)) return false;
            var affected = false;
            foreach (var (at, kind) in events)
            {
                switch (kind)
                {
                    case RangeEventKind.Introduced when at is null || v.CompareTo(at) >= 0:
                        affected = true;
                        break;
                    case RangeEventKind.Fixed when v.CompareTo(at) >= 0:
                    case RangeEventKind.LastAffected when v.CompareTo(at) > 0:
                        affected = false;
                        break;
                    default:
                        break;
                }
            }
            return affected;
        }

        private bool BelowSomeLimit(IComparable v)
        {
            foreach (var limit in limits) if (limit is null || v.CompareTo(limit) < 0) return true;
            return false;
        }
    }
}
