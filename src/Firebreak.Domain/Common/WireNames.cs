using System.Text;

namespace Firebreak.Domain.Common;

/// <summary>
/// Converts closed enums to and from their kebab-case wire names (<c>VulnerabilityReport</c> ↔
/// <c>vulnerability-report</c>), the one spelling used in YAML, JSON, URLs and the CLI.
/// </summary>
public static class WireNames
{
    /// <summary>The kebab-case name of an enum value.</summary>
    public static string ToWire<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Parses a kebab-case name (case-insensitive); false when it names no value.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToWire(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses a kebab-case name or throws a <see cref="DomainException"/> listing the allowed names.</summary>
    public static TEnum Parse<TEnum>(string? text, string what) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new DomainException($"'{text}' is not a valid {what}; expected one of: {AllowedList<TEnum>()}.");

    /// <summary>The allowed names, comma-separated, for error messages.</summary>
    public static string AllowedList<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToWire()));
}
