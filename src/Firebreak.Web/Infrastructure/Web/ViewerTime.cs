using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Html;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// The one place instants meet a time zone. Instants are stored in UTC; the viewer sees them in their own zone (their
/// account's setting; UTC for visitors) and types them in it. The zone is said once per page, by the layout's
/// "Times in …" line (<see cref="ZoneLine"/>), not after every instant: an instant shows its date and time, with its
/// offset in its title. Views show every instant through <see cref="Show(DateTime)"/> (injected as <c>Time</c>); an
/// instant that must read the same for everyone (public pages) through <see cref="InUtc(DateTime)"/>, which says "UTC"
/// after it only when the page's zone is another one.
/// </summary>
internal sealed class ViewerTime(CurrentUser viewer)
{
    public TimeZoneInfo Zone => viewer.TimeZone;

    /// <summary>Whether this request has shown an instant (the layout then says the zone).</summary>
    public bool Shown { get; private set; }

    /// <summary>The zone the page's times are in, said once: e.g. <c>Europe/Berlin</c>, or <c>UTC</c>.</summary>
    public string ZoneLine => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;

    /// <summary>An instant in the viewer's zone, e.g. <c>2026-11-24 10:00</c> titled with its zone and offset, in a &lt;time&gt; element.</summary>
    public IHtmlContent Show(DateTime utc)
    {
        Shown = true;
        return Instant(utc, Zone, suffix: false);
    }

    /// <inheritdoc cref="Show(DateTime)"/>
    public IHtmlContent Show(DateTimeOffset instant) => Show(instant.UtcDateTime);

    /// <summary>The same instant for everyone: in UTC, followed by "UTC" when the viewer's zone (the page's) is another.</summary>
    public IHtmlContent InUtc(DateTime utc)
    {
        Shown = true;
        return Instant(utc, TimeZoneInfo.Utc, suffix: Zone != TimeZoneInfo.Utc);
    }

    /// <inheritdoc cref="InUtc(DateTime)"/>
    public IHtmlContent InUtc(DateTimeOffset instant) => InUtc(instant.UtcDateTime);

    /// <summary>The UTC date of an instant (<c>yyyy-MM-dd</c>), or "pending" when there is none yet.</summary>
    public static string UtcDate(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "pending";

    /// <summary>The value a datetime-local field shows for an instant, in the viewer's zone.</summary>
    public string Input(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Input(DateTimeOffset)"/>
    public string Input(DateTime utc) => Input(utc.AsInstant());

    /// <summary>
    /// Reads an instant typed by the viewer: an ISO 8601 instant with its offset or Z, or a local date and time (what a
    /// datetime-local field sends) in the viewer's zone; null when blank. The error names the field.
    /// </summary>
    public DateTimeOffset? Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10))
            return withOffset.ToUniversalTime();
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new DomainException($"{field}: '{text}' is not a date and time (YYYY-MM-DDTHH:MM, in {Zone.Id}).");
        if (Zone.IsInvalidTime(local)) throw new DomainException($"{field}: {text} does not exist in {Zone.Id} (the clocks skip it).");
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
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

    private static HtmlString Instant(DateTime utc, TimeZoneInfo zone, bool suffix)
    {
        var instant = utc.AsInstant().UtcDateTime;
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var offset = zone.GetUtcOffset(local);
        var label = zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id}, UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        var iso = instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new HtmlString($"<time datetime=\"{iso}\" title=\"{System.Net.WebUtility.HtmlEncode(label)}\">{text}{(suffix ? " UTC" : "")}</time>");
    }
}
