namespace Firebreak.Domain.Common;

/// <summary>The one reading of the <c>PREFIX-[YYYY-]digits</c> shape shared by CVE and CWE ids.</summary>
internal static class IdText
{
    /// <summary>
    /// Empty when <paramref name="value"/> (already upper case) is <paramref name="prefix"/>, then
    /// <paramref name="yearDigits"/> digits and a dash when that is not 0, then <paramref name="min"/> to
    /// <paramref name="max"/> digits; otherwise the reason, quoting <paramref name="text"/> as given and naming the position.
    /// </summary>
    public static string Check(string value, string text, string prefix, int yearDigits, int min, int max, string what)
    {
        if (!value.StartsWith(prefix, StringComparison.Ordinal)) return $"'{text}' is not a {what}: it does not start with {prefix}.";
        var at = prefix.Length;
        if (yearDigits > 0)
        {
            for (var i = 0; i < yearDigits; i++, at++)
                if (at >= value.Length || !char.IsAsciiDigit(value[at])) return $"'{text}' is not a {what}: a digit of the year is expected at position {at + 1}.";
            if (at >= value.Length || value[at] != '-') return $"'{text}' is not a {what}: '-' is expected at position {at + 1}.";
            at++;
        }
        var digits = value.Length - at;
        for (var i = at; i < value.Length; i++)
            if (!char.IsAsciiDigit(value[i])) return $"'{text}' is not a {what}: '{value[i]}' at position {i + 1} is not a digit.";
        return digits < min || digits > max ? $"'{text}' is not a {what}: {min} to {max} digits are expected after {value[..at]}." : "";
    }
}
