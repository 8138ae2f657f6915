using System.Globalization;

namespace Firebreak.Domain.Common;

/// <summary>
/// Durations as people write them in policies and playbooks: a whole number and a unit,
/// <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days): <c>30m</c>, <c>4h</c>, <c>7d</c>.
/// </summary>
public static class DurationText
{
    /// <summary>Parses "4h"-style text; false with no value for anything else (including zero or over 3660 days).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 2 || text.Length > 8) return false;
        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return false;
        value = char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return value > TimeSpan.Zero && value <= TimeSpan.FromDays(3660);
    }

    /// <summary>Parses or throws a <see cref="DomainException"/> naming the field.</summary>
    public static TimeSpan Parse(string? text, string what) =>
        TryParse(text, out var value) ? value
            : throw new DomainException($"The {what} '{text}' is not a duration; write a whole number and m, h or d (e.g. 30m, 4h, 7d).");

    /// <summary>The shortest exact text: whole days as d, whole hours as h, otherwise minutes.</summary>
    public static string Format(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(long)value.TotalDays}d"
        : value.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)value.TotalHours}h"
        : $"{(long)Math.Ceiling(value.TotalMinutes)}m";
}
