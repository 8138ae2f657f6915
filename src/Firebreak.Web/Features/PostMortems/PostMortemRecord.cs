using System.Text;
using System.Text.Json;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// The post-mortem as the record keeps it (public face, for the archive): the same Markdown and JSON the exports give
/// (<c>postmortem.md</c>, <c>postmortem.json</c>; a draft is marked as one) and every action item with its history of
/// status (<c>action-items.json</c>). An incident without a post-mortem yet gives the empty draft, so the files are
/// always there. Action items' clocks are stated at <c>asOf</c>, the record's last event, so the same record gives the same bytes.
/// </summary>
[PublicFace]
internal sealed class PostMortemRecord(Firebreak.Web.Data.FirebreakDbContext db, PostMortemTimeline timeline, ActionItemQueries queries)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<(string Path, byte[] Content)>> FilesAsync(Project project, Incident incident, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var postMortem = await SavePostMortem.FindAsync(db, incident.Id, ct) ?? PostMortem.For(incident);
        var events = await timeline.AssembleAsync(incident.Id, postMortem.Content, ct);
        var items = await queries.ForIncidentAsync(incident, asOf, ct);
        return
        [
            ("postmortem.md", Encoding.UTF8.GetBytes(PostMortemExport.Markdown(project, incident, postMortem, events, items))),
            ("postmortem.json", Encoding.UTF8.GetBytes(PostMortemExport.ToJson(project, incident, postMortem, events, items))),
            ("action-items.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { format = "firebreak-action-items/1", actionItems = items }, Options) + "\n")),
        ];
    }
}
