namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// The keys of pnpm-lock.yaml's <c>packages</c> and <c>snapshots</c>: <c>/name/1.0.0_peer@2.0.0</c> (lockfile 5.x,
/// optionally after a registry host), <c>/name@1.0.0(peer@2.0.0)</c> (6.x) and <c>name@1.0.0(peer@2.0.0)</c> (9.x).
/// </summary>
internal static class PnpmPackageKey
{
    /// <summary>
    /// The name and version a key names, without its peer suffix; null for keys that name no registry version
    /// (<c>file:</c>, <c>link:</c>, git hosts, tarball URLs). Throws for a key that is no package path at all.
    /// </summary>
    public static (string Name, string Version)? Parse(string key, bool pathStyle)
    {
        if (key.StartsWith("file:", StringComparison.Ordinal) || key.StartsWith("link:", StringComparison.Ordinal) || key.Contains("://", StringComparison.Ordinal))
            return null;
        if (!key.Contains('/', StringComparison.Ordinal) && !key.Contains('@', StringComparison.Ordinal))
            throw new FormatException($"'{key}' is not a pnpm package path (/name/1.0.0, /name@1.0.0 or name@1.0.0).");
        return pathStyle ? PathStyle(key) : AtStyle(key.TrimStart('/'));
    }

    /// <summary>A dependency reference inside a snapshot or importer: a version (with peers), or an alias <c>real@1.0.0</c>.</summary>
    public static string? Reference(string name, string reference, bool pathStyle)
    {
        if (reference.Length == 0 || reference.StartsWith("link:", StringComparison.Ordinal) || reference.StartsWith("file:", StringComparison.Ordinal)) return null;
        if (char.IsDigit(reference[0])) return $"{name}@{StripPeers(reference, pathStyle)}";
        return Parse(reference, pathStyle) is { } target ? $"{target.Name}@{target.Version}" : null;
    }

    private static (string, string)? AtStyle(string key)
    {
        var (name, rest) = NpmDescriptor.Split(key);
        var version = StripPeers(rest, pathStyle: false);
        return IsVersion(version) && name.Length > 0 ? (name, version) : null;
    }

    private static (string, string)? PathStyle(string key)
    {
        var segments = key.Split('/');
        // Segment 0 is empty (a leading '/': the default registry) or a registry's host; the name starts at 1.
        const int at = 1;
        if (at >= segments.Length) return null;
        var scoped = segments[at].StartsWith('@');
        var nameLength = scoped ? 2 : 1;
        if (at + nameLength >= segments.Length) return null;
        var name = string.Join('/', segments[at..(at + nameLength)]);
        var version = StripPeers(string.Join('/', segments[(at + nameLength)..]), pathStyle: true);
        return IsVersion(version) && name.Length > 0 ? (name, version) : null;
    }

    private static string StripPeers(string version, bool pathStyle)
    {
        var cut = version.IndexOfAny(pathStyle ? ['_', '('] : ['(']);
        return cut < 0 ? version : version[..cut];
    }

    private static bool IsVersion(string version) => version.Length > 0 && char.IsDigit(version[0]) && !version.Contains('/', StringComparison.Ordinal);
}
