using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// What a source knows about the incident it opens: the report form and API, a maintainer's page
/// or script, the watch, a webhook. <see cref="OpenIncident"/> does the rest.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Title">One line.</param>
/// <param name="Summary">Markdown, or null.</param>
/// <param name="Severity">The severity asked for (the policy's rules may raise it).</param>
/// <param name="Source">The channel it came in through.</param>
/// <param name="Actor">Who opens it, as the timeline names them.</param>
[PublicFace]
internal sealed record IncidentOpening(IncidentKind Kind, string Title, string? Summary, Severity Severity, IncidentSource Source, string Actor)
{
    /// <summary>The user-safety class, if it is a user-safety bug.</summary>
    public string? UserSafetyClass { get; init; }

    /// <summary>The reporter, for reported incidents.</summary>
    public Reporter? Reporter { get; init; }

    /// <summary>Technical details known at the start.</summary>
    public IncidentDetails? Details { get; init; }

    /// <summary>
    /// The names of the vulnerability it is about (CVE, GHSA, OSV ids). When any of them already
    /// names an incident of the project, <see cref="OpenIncident.OpenOrFindAsync"/> returns that one.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The playbook to start; null starts the default playbook for the kind.</summary>
    public PlaybookDefinition? Playbook { get; init; }
}
