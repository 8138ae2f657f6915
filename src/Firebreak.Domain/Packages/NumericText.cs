namespace Firebreak.Domain.Packages;

/// <summary>
/// Compares unbounded non-negative integers written as ASCII digits, without converting them, so
/// components like 999999999999999999999999999991 order correctly.
/// </summary>
internal static class NumericText
{
    /// <summary>Drops leading zeros; "" and "000" both become "".</summary>
    public static string Trim(string digits) => digits.TrimStart('0');

    public static int Compare(string a, string b)
    {
        a = Trim(a);
        b = Trim(b);
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b) switch
        {
            < 0 => -1,
            > 0 => 1,
            _ => 0,
        };
    }

    public static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
