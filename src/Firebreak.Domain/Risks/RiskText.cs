using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Risks;

/// <summary>
/// The one rule for a register entry's text: line breaks become LF, the ends are trimmed, no control character but
/// LF (where several lines are allowed) and tab, no unpaired surrogate (it could not be written as UTF-8 and read
/// back), and a length limit. The stored text is what every export writes and every import reads back.
/// </summary>
internal static class RiskText
{
    public static string Check(string? text, string field, int max, bool multiline, bool required)
    {
        var value = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (required && value.Length == 0) throw new DomainException($"{field}: required.");
        if (value.Length > max) throw new DomainException($"{field}: longer than {max.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n' && !multiline) throw new DomainException($"{field}: one line only.");
            if (char.IsControl(c) && c is not ('\n' or '\t'))
                throw new DomainException($"{field}: control character U+{(int)c:X4} at position {i + 1}.");
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) throw new DomainException($"{field}: an unpaired surrogate (U+{(int)c:X4}) at position {i + 1} is not text.");
        }
        return value;
    }
}
