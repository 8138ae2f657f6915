using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>One vers constraint: a comparator and a parsed version of the range's scheme.</summary>
/// <param name="Comparator">How the version bounds the range.</param>
/// <param name="Version">The version, parsed by the range's <see cref="VersionScheme"/>; its text is what is written.</param>
public readonly record struct VersConstraint(VersComparator Comparator, IComparable Version)
{
    /// <summary>Whether the comparator is <c>&lt;</c> or <c>&lt;=</c>.</summary>
    public bool IsUpper => Comparator is VersComparator.Less or VersComparator.LessOrEqual;

    /// <summary>Whether the comparator is <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public bool IsLower => Comparator is VersComparator.Greater or VersComparator.GreaterOrEqual;

    /// <summary>The comparator's symbol ("" for equality).</summary>
    public string Symbol => Comparator switch
    {
        VersComparator.Equal => "",
        VersComparator.NotEqual => "!=",
        VersComparator.Less => "<",
        VersComparator.LessOrEqual => "<=",
        VersComparator.Greater => ">",
        VersComparator.GreaterOrEqual => ">=",
    };

    /// <summary>The constraint as vers writes it: the symbol, then the version with vers' reserved and non-printable characters percent-encoded.</summary>
    public override string ToString() => Symbol + Encode(Version.ToString() ?? "");

    /// <summary>Percent-encodes what vers cannot carry literally: % and the separators <c>&lt;&gt;=!*|</c>, spaces, controls and non-ASCII (as UTF-8).</summary>
    internal static string Encode(string version)
    {
        var b = new StringBuilder(version.Length);
        foreach (var x in Encoding.UTF8.GetBytes(version))
        {
            if (x is > 0x20 and < 0x7F && "%<>=!*|".IndexOf((char)x, StringComparison.Ordinal) < 0) b.Append((char)x);
            else b.Append('%').Append(x.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return b.ToString();
    }
}
