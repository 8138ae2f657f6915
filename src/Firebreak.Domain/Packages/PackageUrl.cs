using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A package URL (purl, ECMA-427): <c>pkg:type/namespace/name@version?qualifiers#subpath</c>. Instances are
/// always valid and normalised: type lowercase, type-specific case folding and name rules applied,
/// empty qualifier values dropped, qualifiers sorted by key, subpath without empty, '.' or '..' segments.
/// Components hold decoded text; <see cref="ToString"/> gives the canonical, percent-encoded form.
/// </summary>
public sealed record PackageUrl
{
    internal PackageUrl(string type, string? @namespace, string name, string? version,
        ImmutableSortedDictionary<string, string> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = @namespace;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
    }

    /// <summary>The package type (ecosystem), lowercase ASCII, e.g. <c>npm</c>, <c>maven</c>.</summary>
    public string Type { get; }

    /// <summary>Decoded namespace segments joined with '/', or null when there is none.</summary>
    public string? Namespace { get; }

    /// <summary>The decoded package name; never empty.</summary>
    public string Name { get; }

    /// <summary>The decoded version, an opaque string, or null.</summary>
    public string? Version { get; }

    /// <summary>Decoded qualifier values by lowercase key, ordinal-sorted; never contains empty values.</summary>
    public ImmutableSortedDictionary<string, string> Qualifiers { get; }

    /// <summary>Decoded subpath segments joined with '/', or null when there is none.</summary>
    public string? Subpath { get; }

    /// <summary>Parses a purl string strictly (qualifier keys must already be lowercase).</summary>
    /// <exception cref="PackageUrlFormatException">The text is not a valid purl; the message says where.</exception>
    public static PackageUrl Parse(string text) => Parse(text, PurlStrictness.Strict);

    /// <summary>Parses a purl string with the given strictness.</summary>
    /// <exception cref="PackageUrlFormatException">The text is not a valid purl; the message says where.</exception>
    public static PackageUrl Parse(string text, PurlStrictness strictness)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, strictness, out var purl, out var error)
            ? purl
            : throw new PackageUrlFormatException(error);
    }

    /// <summary>Parses a purl string strictly; never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
        => TryParse(text, PurlStrictness.Strict, out purl, out error);

    /// <summary>Parses a purl string with the given strictness; never throws.</summary>
    public static bool TryParse(string? text, PurlStrictness strictness,
        [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            purl = null;
            error = "The purl text is null.";
            return false;
        }
        return PurlParser.TryParse(text, strictness, out purl, out error);
    }

    /// <summary>
    /// Builds a purl from decoded components, applying the same normalisation as parsing (the spec's
    /// "build" operation). Qualifier keys are lowercased; entries with empty values are dropped.
    /// </summary>
    /// <exception cref="PackageUrlFormatException">The components cannot form a valid purl.</exception>
    public static PackageUrl Create(string? type, string? @namespace, string? name, string? version = null,
        IEnumerable<KeyValuePair<string, string?>>? qualifiers = null, string? subpath = null)
        => PurlBuilder.TryBuild(type, @namespace, name, version, qualifiers, subpath, out var purl, out var error)
            ? purl
            : throw new PackageUrlFormatException(error);

    /// <summary>The canonical purl string.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            sb.AppendJoin('/', Namespace.Split('/').Select(PurlEncoding.Encode)).Append('/');
        }
        if (PurlTypeRules.NameIsPath(Type)) sb.AppendJoin('/', Name.Split('/').Select(PurlEncoding.Encode));
        else sb.Append(PurlEncoding.Encode(Name));
        if (Version is not null) sb.Append('@').Append(PurlEncoding.Encode(Version));
        if (!Qualifiers.IsEmpty)
        {
            sb.Append('?').AppendJoin('&', Qualifiers.Select(q => q.Key + "=" + PurlEncoding.Encode(q.Value)));
        }
        if (Subpath is not null)
        {
            sb.Append('#').AppendJoin('/', Subpath.Split('/').Select(PurlEncoding.Encode));
        }
        return sb.ToString();
    }

    /// <summary>Component-wise, ordinal equality (qualifiers compared as sorted key/value lists).</summary>
    public bool Equals(PackageUrl? other) =>
        other is not null
        && string.Equals(Type, other.Type, StringComparison.Ordinal)
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Version, other.Version, StringComparison.Ordinal)
        && string.Equals(Subpath, other.Subpath, StringComparison.Ordinal)
        && Qualifiers.SequenceEqual(other.Qualifiers);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type, StringComparer.Ordinal);
        hash.Add(Namespace, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Version, StringComparer.Ordinal);
        hash.Add(Subpath, StringComparer.Ordinal);
        foreach (var (key, value) in Qualifiers)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
