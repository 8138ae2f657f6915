using Firebreak.Domain.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Firebreak.Domain.Risks;

/// <summary>
/// A register entry's id within its project: <c>RISK-</c> and its number with at least three digits
/// (<c>RISK-001</c>, <c>RISK-042</c>, <c>RISK-1000</c>). Only the canonical spelling is read, so an id names one
/// entry and prints back as it was written.
/// </summary>
public readonly record struct RiskId
{
    /// <summary>The highest number an id may carry.</summary>
    public const int MaxNumber = 999_999;

    private RiskId(int number) => Number = number;

    /// <summary>The number, from 1.</summary>
    public int Number { get; }

    /// <summary>The id of a number.</summary>
    public static RiskId Of(int number) =>
        number is >= 1 and <= MaxNumber ? new RiskId(number) : throw new ArgumentOutOfRangeException(nameof(number), number, "A risk number is 1 to 999999.");

    /// <summary>Reads a canonical id; false with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RiskId id, out string error)
    {
        id = default;
        error = "";
        var digits = text is not null && text.StartsWith("RISK-", StringComparison.Ordinal) ? text[5..] : null;
        if (digits is null || digits.Length is < 3 or > 6 || !digits.All(char.IsAsciiDigit))
            error = $"'{Shown(text)}' is not a risk id (RISK- and three to six digits, e.g. RISK-001).";
        else if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
            error = $"'{text}' is not a risk id: numbers start at RISK-001.";
        else if (Of(n).ToString() != text)
            error = $"'{text}' is not written canonically: write {Of(n)}.";
        else id = new RiskId(n);
        return error.Length == 0;
    }

    /// <summary>Reads a canonical id or throws a <see cref="Common.DomainException"/> naming the field.</summary>
    public static RiskId Parse(string? text, string field) =>
        TryParse(text, out var id, out var error) ? id : throw new Common.DomainException($"{field}: {error}");

    /// <inheritdoc/>
    public override string ToString() => "RISK-" + Number.ToString("000", CultureInfo.InvariantCulture);

    private static string Shown(string? text)
    {
        var printable = new string([.. (text ?? "").Select(c => char.IsControl(c) ? '?' : c)]);
        return Excerpt.Clip(printable, 40);
    }
}
