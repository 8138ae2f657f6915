using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>Shows UTC instants in the viewer's time zone, always naming the zone.</summary>
internal static class ViewerTime
{
    public static IHtmlContent Instant(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var offset = zone.GetUtcOffset(local);
        var label = zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
        var iso = DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new HtmlString($"<time datetime=\"{iso}\">{text} {System.Net.WebUtility.HtmlEncode(label)}</time>");
    }

    /// <summary>
    /// Reads an instant typed by the viewer: an ISO 8601 instant with its offset or Z, or a local date and time (what a
    /// datetime-local field sends) in the viewer's zone; null when blank. The error names the field.
    /// </summary>
    public static DateTimeOffset? ParseLocal(string? text, TimeZoneInfo zone, string field)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10))
            return withOffset.ToUniversalTime();
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new Firebreak.Domain.Common.DomainException($"{field}: '{text}' is not a date and time (YYYY-MM-DDTHH:MM, in {zone.Id}).");
        if (zone.IsInvalidTime(local)) throw new Firebreak.Domain.Common.DomainException($"{field}: {text} does not exist in {zone.Id} (the clocks skip it).");
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    /// <summary>The value a datetime-local field shows for an instant, in the viewer's zone.</summary>
    public static string LocalInput(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A duration to the minute: "3d 4h", "2h 05m", "12m"; negative as "overdue by …".</summary>
    public static string Remaining(TimeSpan span)
    {
        var overdue = span < TimeSpan.Zero;
        var abs = span.Duration();
        var text = abs.TotalDays >= 1 ? $"{(int)abs.TotalDays}d {abs.Hours}h"
            : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours}h {abs.Minutes:00}m"
            : $"{(int)abs.TotalMinutes}m";
        return overdue ? $"overdue by {text}" : $"{text} left";
    }
}
