using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// What the dashboard shows of the open incidents: one project's (by slug) or all the viewer may see, of one severity and
/// kind, only the viewer's own (<see cref="Mine"/>: assigned to them or holding an open action item of theirs), and which
/// page of them (from 1, <see cref="PageSize"/> rows, nearest deadline first).
/// </summary>
internal sealed record DashboardFilter(string? Project, Severity? Severity, IncidentKind? Kind, bool Mine, int Page = 1, int PageSize = DashboardFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>True when some filter narrows the incidents (paging aside).</summary>
    public bool Narrows => Project is not null || Severity is not null || Kind is not null || Mine;

    /// <summary>Reads the filter from query-string values, each error naming its parameter (the page answers 400 with them).</summary>
    public static (DashboardFilter Filter, Dictionary<string, string> Errors) Parse(string? project, string? severity, string? kind, string? mine, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        T? Enum<T>(string? text, string name, string what) where T : struct, System.Enum
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (WireNames.TryParse<T>(text, out var value)) return value;
            errors[name] = $"'{Clip(text)}' is not a valid {what}; expected one of: {WireNames.AllowedList<T>()}.";
            return null;
        }
        int Number(string? text, string name, int fallback, int max, string what)
        {
            if (string.IsNullOrEmpty(text)) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max) return n;
            errors[name] = $"'{Clip(text)}' is not {what}.";
            return fallback;
        }
        var only = false;
        if (!string.IsNullOrEmpty(mine))
        {
            if (bool.TryParse(mine, out var m)) only = m;
            else errors["mine"] = $"'{Clip(mine)}' is not true or false.";
        }
        var slug = string.IsNullOrWhiteSpace(project) ? null : project.Trim();
        if (slug is { Length: > 100 }) errors["project"] = "a project slug is at most 100 characters.";
        var filter = new DashboardFilter(slug, Enum<Severity>(severity, "severity", "severity"), Enum<IncidentKind>(kind, "kind", "incident kind"), only,
            Number(page, "p", 1, 1_000_000, "a page number (1 to 1000000)"), Number(pageSize, "pageSize", DefaultPageSize, MaxPageSize, $"a page size (1 to {MaxPageSize})"));
        return (filter, errors);
    }

    /// <summary>
    /// The query-string values of this filter at another page (defaults left out so addresses stay short). The page
    /// number is <c>p</c>: Razor Pages keep <c>page</c> for the page's own name, and a link built with it loses it.
    /// </summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Project is { } slug) values["project"] = slug;
        if (Severity is { } severity) values["severity"] = severity.ToWire();
        if (Kind is { } kind) values["kind"] = kind.ToWire();
        if (Mine) values["mine"] = "true";
        if (PageSize != DefaultPageSize) values["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        if (page != 1) values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private static string Clip(string text) => Excerpt.Clip(text, 40);
}
