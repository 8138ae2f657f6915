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
