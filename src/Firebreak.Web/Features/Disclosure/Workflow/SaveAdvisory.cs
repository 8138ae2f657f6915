using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Saves the advisory's text (validated by the same reader as the CLI); creates the draft on first save.</summary>
internal sealed class SaveAdvisory(FirebreakDbContext db, ProjectAccess access, AdvisoryMoves moves, CveServices.CveRecords cveRecords, TimeProvider time)
{
    public async Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        if (text.Length > AdvisoryPublication.MaxChars) throw new DomainException("The advisory is larger than 1 MiB.");
        var advisory = FirebreakAdvisoryJson.Read(text);
        var now = time.GetUtcNow();
        var row = await moves.FindAsync(incidentId, ct);
        if (await db.Set<AdvisoryPublication>().AnyAsync(a => a.ProjectId == incident.ProjectId && a.AdvisoryId == advisory.Id && a.IncidentId != incidentId, ct))
            throw new DomainException($"id: {advisory.Id} is already the id of another incident's advisory in this project.");
        string note;
        if (row is null)
        {
            db.Add(row = AdvisoryPublication.Start(incidentId, incident.ProjectId, advisory, text, moves.Actor, now));
            note = $"Advisory {advisory.Id} drafted (version 1)";
        }
        else
        {
            note = row.Save(advisory, text, moves.Actor, now);
        }
        incident.RecordAdvisory(note, moves.Actor, now);
        if (row.State == AdvisoryState.Published)
        {
            // A revision of a public advisory updates its CVE record (in a project that is its own CNA).
            var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
            await cveRecords.RevisedAsync(project, incident, AdvisoryExporter.WithProjectCna(PublicAdvisories.Render(row, incident).Advisory, project), moves.Actor, ct);
        }
        await moves.SaveAsync(ct);
        return row;
    }
}
