using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// A project's incidents, open by default, newest first: filters and the text search are a GET form (bookmarkable, no
/// script needed), paging links keep them. Invalid values answer 400 with the form and the parameter named.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class IncidentListModel(ProjectAccess access, IncidentQueries queries, TimeProvider time) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "severity")] public string? Severity { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "breached")] public string? Breached { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public Project Project { get; private set; } = null!;
    public IncidentFilter Filter { get; private set; } = null!;
    public IncidentPage<Incident> Result { get; private set; } = new([], 0, 1, IncidentFilter.DefaultPageSize);
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        Project = project;
        var (filter, errors) = IncidentFilter.Parse(State, Stage, Severity, Kind, Breached, Q, PageNumber, PageSize, IncidentState.Open, pageName: "p");
        Filter = filter;
        if (errors.Count > 0)
        {
            foreach (var (key, messages) in errors) ModelState.AddModelError(key, $"{key}: {messages[0]}");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Result = await queries.SearchAsync(project, filter, newestFirst: true, ct);
        return Page();
    }

    /// <summary>The route values of this search at another page (the filters kept; defaults left out so addresses stay short).</summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        var values = new Dictionary<string, string> { ["slug"] = Slug, ["state"] = Domain.Common.WireNames.ToWire(Filter.State) };
        if (Filter.Stage is { } stage) values["stage"] = Domain.Common.WireNames.ToWire(stage);
        if (Filter.Severity is { } severity) values["severity"] = Domain.Common.WireNames.ToWire(severity);
        if (Filter.Kind is { } kind) values["kind"] = Domain.Common.WireNames.ToWire(kind);
        if (Filter.Breached is { } breached) values["breached"] = breached ? "true" : "false";
        if (Filter.Query is { } q) values["q"] = q;
        if (Filter.PageSize != IncidentFilter.DefaultPageSize) values["pageSize"] = Filter.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture); // not "page": Razor Pages keep that name, and a link built with it loses it
        return values;
    }
}
