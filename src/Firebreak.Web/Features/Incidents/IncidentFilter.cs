using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Incidents;

/// <summary>Which incidents a list asks for: worked (open), ended (closed, rejected, duplicate) or all of them.</summary>
internal enum IncidentState
{
    Open,
    Closed,
    All,
}

/// <summary>
/// A search of one project's incidents: the unsealed columns (state, stage, severity, kind) filter in SQL; breached and the
/// text <see cref="Query"/> are decided in memory, because the title and summary are sealed and clocks change with time.
/// Pages count from 1.
/// </summary>
internal sealed record IncidentFilter(IncidentStage? Stage, Severity? Severity, IncidentKind? Kind, bool? Breached,
    IncidentState State = IncidentState.All, string? Query = null, int Page = 1, int PageSize = IncidentFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// Reads the filter from query-string values, each error naming its parameter (for a 400 problem): unknown names, a
    /// page below 1, a page size outside 1 to 200, a search longer than 200 characters.
    /// </summary>
    public static (IncidentFilter Filter, Dictionary<string, string[]> Errors) Parse(string? state, string? stage, string? severity, string? kind,
        string? breached, string? q, string? page, string? pageSize, IncidentState defaultState, string pageName = "page")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        T? Enum<T>(string? text, string name, string what) where T : struct, System.Enum
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (WireNames.TryParse<T>(text, out var value)) return value;
            errors[name] = [$"'{Clip(text)}' is not a valid {what}; expected one of: {WireNames.AllowedList<T>()}."];
            return null;
        }
        int Number(string? text, string name, int fallback, int min, int max)
        {
            if (string.IsNullOrEmpty(text)) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors[name] = [max == int.MaxValue ? $"'{Clip(text)}' is not a page number (1 or more)." : $"'{Clip(text)}' is not a page size ({min} to {max})."];
            return fallback;
        }
        bool? flag = null;
        if (!string.IsNullOrEmpty(breached))
        {
            if (bool.TryParse(breached, out var b)) flag = b;
            else errors["breached"] = [$"'{Clip(breached)}' is not true or false."];
        }
        var query = q?.Trim();
        if (query is { Length: > MaxQueryLength }) errors["q"] = [$"the search is longer than {MaxQueryLength} characters."];
        var filter = new IncidentFilter(Enum<IncidentStage>(stage, "stage", "stage"), Enum<Severity>(severity, "severity", "severity"),
            Enum<IncidentKind>(kind, "kind", "incident kind"), flag, Enum<IncidentState>(state, "state", "state") ?? defaultState,
            string.IsNullOrEmpty(query) ? null : query, Number(page, pageName, 1, 1, int.MaxValue), Number(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize));
        return (filter, errors);
    }

    private static string Clip(string text) => Excerpt.Clip(text, 40);
}

/// <summary>One page of a search: the incidents on it and how many matched in all.</summary>
internal sealed record IncidentPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
