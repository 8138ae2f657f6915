using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version of vers' <c>datetime</c> scheme: an RFC 3339 (section 5.6) date-time such as <c>2024-03-01T12:00:00Z</c>
/// or <c>2024-03-01t13:00:00.25+01:00</c>, ordered as instants: the offset is applied, any number of fractional
/// digits is kept exactly, and a leap second (:60, only at 23:59 UTC) sorts after :59 and before the next minute.
/// </summary>
public sealed class DatetimeVersion : EcosystemVersion<DatetimeVersion>
{
    private readonly long _utcMinute;      // minutes since 0001-01-01T00:00Z
    private readonly int _second;          // 0–60
    private readonly string _fraction;     // fractional digits without trailing zeros

    private DatetimeVersion(string original, long utcMinute, int second, string fraction) : base(original) =>
        (_utcMinute, _second, _fraction) = (utcMinute, second, fraction);

    /// <inheritdoc/>
    protected override string EqualityKey => $"{_utcMinute}:{_second}.{_fraction}";

    /// <summary>Parses a date-time; false with what is wrong and where.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DatetimeVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        int i = 0;
        if (!Digits(s, ref i, 4, out var year, out error) || !Char(s, ref i, '-', out error) || !Digits(s, ref i, 2, out var month, out error)
            || !Char(s, ref i, '-', out error) || !Digits(s, ref i, 2, out var day, out error)) return false;
        if (month is < 1 or > 12 || year < 1) { error = new VersionParseError("month out of range 01–12 (or year 0000)", 5); return false; }
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) { error = new VersionParseError($"day out of range for {year:D4}-{month:D2}", 8); return false; }
        if (i >= s.Length || s[i] is not ('T' or 't')) { error = new VersionParseError("expected 'T' between date and time", i); return false; }
        i++;
        if (!Digits(s, ref i, 2, out var hour, out error) || !Char(s, ref i, ':', out error) || !Digits(s, ref i, 2, out var minute, out error)
            || !Char(s, ref i, ':', out error) || !Digits(s, ref i, 2, out var second, out error)) return false;
        if (hour > 23 || minute > 59 || second > 60) { error = new VersionParseError("hour, minute or second out of range", 11); return false; }
        var fraction = "";
        if (i < s.Length && s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) { error = new VersionParseError("expected digits after '.'", i); return false; }
            fraction = s[start..i].TrimEnd('0');
        }
        int offset;
        if (i < s.Length && s[i] is 'Z' or 'z') { offset = 0; i++; }
        else if (i < s.Length && s[i] is '+' or '-')
        {
            var sign = s[i++] == '-' ? -1 : 1;
            if (!Digits(s, ref i, 2, out var oh, out error) || !Char(s, ref i, ':', out error) || !Digits(s, ref i, 2, out var om, out error)) return false;
            if (oh > 23 || om > 59) { error = new VersionParseError("offset out of range", i - 5); return false; }
            offset = sign * ((oh * 60) + om);
        }
        else { error = new VersionParseError("expected 'Z' or a ±hh:mm offset", i); return false; }
        if (i < s.Length) { error = new VersionParseError($"unexpected '{s[i]}' after the date-time", i); return false; }
        var minutes = (new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerMinute) - offset;
        if (second == 60 && minutes % (24 * 60) != (24 * 60) - 1) { error = new VersionParseError("a leap second (:60) falls only at 23:59 UTC", 17); return false; }
        version = new DatetimeVersion(s, minutes, second, fraction);
        error = null;
        return true;
    }

    private static bool Digits(string s, ref int i, int count, out int value, [NotNullWhen(false)] out VersionParseError? error)
    {
        value = 0;
        if (i + count > s.Length || s.AsSpan(i, count).ContainsAnyExceptInRange('0', '9'))
        {
            error = new VersionParseError($"expected {count} digits", i);
            return false;
        }
        value = int.Parse(s.AsSpan(i, count), NumberStyles.None, CultureInfo.InvariantCulture);
        i += count;
        error = null;
        return true;
    }

    private static bool Char(string s, ref int i, char c, [NotNullWhen(false)] out VersionParseError? error)
    {
        if (i < s.Length && s[i] == c) { i++; error = null; return true; }
        error = new VersionParseError($"expected '{c}'", i);
        return false;
    }

    /// <inheritdoc/>
    public override int CompareTo(DatetimeVersion? other)
    {
        if (other is null) return 1;
        if (_utcMinute != other._utcMinute) return _utcMinute < other._utcMinute ? -1 : 1;
        if (_second != other._second) return _second < other._second ? -1 : 1;
        return Math.Sign(string.CompareOrdinal(_fraction, other._fraction));
    }
}
