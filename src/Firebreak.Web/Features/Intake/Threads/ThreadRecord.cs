using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>
/// The reporter thread as the record keeps it (public face, for the archive): every message in order with its
/// visibility marked (<c>shared</c> with the reporter or <c>internal</c> to the maintainers), the attachments' list and
/// each attachment's bytes under <c>attachments/{id}.bin</c> (the uploaded name is kept in the list only, never as a
/// path). An attachment that fails its integrity check is listed as such and its bytes are left out.
/// </summary>
[PublicFace]
internal sealed class ThreadRecord(FirebreakDbContext db)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Message(Guid Id, int Sequence, string Visibility, bool FromReporter, string Author, DateTime CreatedAt, string Body);

    private sealed record Attachment(Guid Id, string FileName, string Type, long Size, string Sha256, string UploadedBy, DateTime UploadedAt, string? File, string? Problem);

    public async Task<IReadOnlyList<(string Path, byte[] Content)>> FilesAsync(Guid incidentId, CancellationToken ct)
    {
        var messages = await db.Set<ReportMessage>().AsNoTracking().Where(m => m.IncidentId == incidentId).ToListAsync(ct);
        var thread = messages.OrderBy(m => m.Sequence).ThenBy(m => m.Id)
            .Select(m => new Message(m.Id, m.Sequence, m.Shared ? "shared" : "internal", m.FromReporter, m.Author, m.CreatedAt, m.Body)).ToList();
        var files = new List<(string, byte[])> { ("thread.json", Serialize(new { format = "firebreak-thread/1", messages = thread })) };
        var attachments = await db.Set<ReportAttachment>().AsNoTracking().Where(a => a.IncidentId == incidentId).ToListAsync(ct);
        var listed = new List<Attachment>();
        var contents = new List<(string, byte[])>();
        foreach (var a in attachments.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id))
        {
            var path = $"attachments/{a.Id:D}.bin";
            var intact = a.IsIntact;
            listed.Add(new(a.Id, a.FileName, a.Type.ToWire(), a.Size, a.Sha256, a.UploadedBy, a.UploadedAt, intact ? path : null,
                intact ? null : "its content failed its integrity check in the database; it is left out"));
            if (intact) contents.Add((path, a.Content));
        }
        files.Add(("attachments.json", Serialize(new { format = "firebreak-attachments/1", attachments = listed })));
        files.AddRange(contents);
        return files;
    }

    private static byte[] Serialize<T>(T value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Options) + "\n");
}
