using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// A project's own OSV home-database prefix (as PYSEC, RUSTSEC or GO are registered with osv.dev): the part before the
/// first '-' of every OSV id the project publishes, so an advisory without a CVE or GHSA id can still be an OSV record.
/// Letters, digits and inner hyphens, starting with a letter, up to 32 characters; <c>x_</c> may precede it, the form
/// OSV's schema accepts for a database not (yet) in its list of registered prefixes.
/// </summary>
public sealed partial record OsvDatabasePrefix
{
    private OsvDatabasePrefix(string value) => Value = value;

    /// <summary>The prefix, e.g. <c>FIREBREAK</c> or <c>x_FIREBREAK</c>.</summary>
    public string Value { get; }

    /// <summary>Reads a prefix; throws <see cref="DomainException"/> saying what is wrong.</summary>
    public static OsvDatabasePrefix Parse(string? text) => TryParse(text, out var prefix, out var error) ? prefix : throw new DomainException(error);

    /// <summary>Reads a prefix; false with what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OsvDatabasePrefix? prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = null;
        var value = text?.Trim() ?? "";
        if (!Pattern().IsMatch(value))
        {
            error = $"osv.prefix: '{text}' is not an OSV database prefix (letters, digits and inner hyphens, starting with a letter, at most 32, optionally after x_; e.g. FIREBREAK).";
            return false;
        }
        if (value.StartsWith("GHSA", StringComparison.OrdinalIgnoreCase) || value.StartsWith("CVE", StringComparison.OrdinalIgnoreCase))
        {
            error = $"osv.prefix: '{value}' belongs to another database; a project registers its own.";
            return false;
        }
        prefix = new OsvDatabasePrefix(value);
        error = null;
        return true;
    }

    /// <summary>
    /// The OSV id of an advisory in this database: the advisory's local id with its own prefix (the part before the first
    /// '-') replaced by this one, so FBK-2026-0001 becomes FIREBREAK-2026-0001; an id without '-' is appended whole.
    /// </summary>
    public string IdFor(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        if (Owns(advisory.Id)) return advisory.Id;
        var dash = advisory.Id.IndexOf('-', StringComparison.Ordinal);
        var entry = dash > 0 && dash < advisory.Id.Length - 1 ? advisory.Id[(dash + 1)..] : advisory.Id;
        return $"{Value}-{entry.Replace('/', '-')}";
    }

    /// <summary>Whether an id is one of this database's: the prefix, '-', and an entry of letters, digits and - _ . :.</summary>
    public bool Owns(string? id) =>
        id is not null && id.StartsWith(Value + "-", StringComparison.Ordinal) && EntryPattern().IsMatch(id[(Value.Length + 1)..]);

    /// <summary>The prefix.</summary>
    public override string ToString() => Value;

    [GeneratedRegex(@"^(x_)?[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,31}$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]+$")]
    private static partial Regex EntryPattern();
}
