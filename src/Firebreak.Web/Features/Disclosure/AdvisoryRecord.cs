using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The advisory as the record keeps it (public face, for the archive): the saved document as written
/// (<c>advisory/document.json</c>), its status (who requested review, approved, when it was or will be public), and
/// every export the server writes (<c>advisory/exports/{format}.{ext}</c>). A format the advisory cannot be written
/// in yet (a CVE record without a CVE id) is kept as <c>{format}.refused.txt</c> with the reason, so the archive says
/// why it is missing. No advisory: no files.
/// </summary>
[PublicFace]
internal sealed class AdvisoryRecord(FirebreakDbContext db, AdvisoryExporter exporter)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<(string Path, byte[] Content)>> FilesAsync(Incident incident, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var row = await db.Set<Firebreak.Domain.Disclosure.AdvisoryPublication>().AsNoTracking().SingleOrDefaultAsync(a => a.IncidentId == incident.Id, ct);
        if (row is null) return [];
        var files = new List<(string, byte[])>
        {
            ("advisory/document.json", Encoding.UTF8.GetBytes(row.Document.EndsWith('\n') ? row.Document : row.Document + "\n")),
            ("advisory/status.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(AdvisoryStatusJson.From(row), Options) + "\n")),
        };
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            try
            {
                var text = await exporter.ExportAsync(row, incident, format, baseUrl, ct);
                files.Add(($"advisory/exports/{format.ToWire()}.{AdvisoryExport.Extension(format)}", Encoding.UTF8.GetBytes(text)));
            }
            catch (DomainException refused)
            {
                files.Add(($"advisory/exports/{format.ToWire()}.refused.txt", Encoding.UTF8.GetBytes(refused.Message + "\n")));
            }
        }
        return files;
    }
}
