namespace Firebreak.Web.Features.Watch;

/// <summary>
/// Which vulnerability already has an incident in a project, so each opens one incident, once,
/// however many manifests, components or refreshes report it again. Matched on any shared id.
/// </summary>
internal sealed class AdvisoryIncident
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>All ids of the vulnerability, space-separated, upper case.</summary>
    public string Ids { get; set; } = "";
    public Guid IncidentId { get; set; }
    public DateTime OpenedAt { get; set; }
}
