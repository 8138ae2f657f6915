namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// npm-style <c>name@range</c> descriptors as yarn and pnpm write them. The name ends at the first <c>@</c> after
/// its first character (so <c>@scope/name</c> keeps its scope, and <c>git@host</c> in a git range stays in the range).
/// </summary>
internal static class NpmDescriptor
{
    /// <summary>Splits <c>name@range</c>; the range is empty when there is none.</summary>
    public static (string Name, string Range) Split(string descriptor)
    {
        var at = descriptor.Length > 1 ? descriptor.IndexOf('@', 1) : -1;
        return at < 0 ? (descriptor, "") : (descriptor[..at], descriptor[(at + 1)..]);
    }

    /// <summary>An <c>npm:</c> alias (<c>my-name@npm:real-name@^1</c>) names the package really installed; <c>name@npm:^1</c> is no alias.</summary>
    public static (string Name, string Range) Unalias(string descriptor)
    {
        var (name, range) = Split(descriptor);
        if (!range.StartsWith("npm:", StringComparison.Ordinal)) return (name, range);
        var target = Split(range[4..]);
        return target.Range.Length > 0 ? target : (name, range[4..]);
    }

    /// <summary>The pkg:npm purl; a scoped name gets the <c>@scope</c> namespace.</summary>
    /// <exception cref="PackageUrlFormatException">Not a valid npm name or version.</exception>
    public static PackageUrl Purl(string name, string version)
    {
        var slash = name.StartsWith('@') ? name.IndexOf('/', StringComparison.Ordinal) : -1;
        return slash > 0
            ? PackageUrl.Create("npm", name[..slash], name[(slash + 1)..], version, null, null)
            : PackageUrl.Create("npm", null, name, version, null, null);
    }
}
