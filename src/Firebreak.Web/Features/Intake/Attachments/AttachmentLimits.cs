using System.Globalization;
using System.Security.Cryptography;
using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// How much a report may carry: <c>Intake:MaxAttachmentBytes</c> per file (10 MiB),
/// <c>Intake:MaxReportAttachmentBytes</c> for all of a report's files together (25 MiB), and
/// <c>Intake:MaxAttachments</c> files (5), counting those it already has. A refusal names the
/// file and the reason, and comes before anything is written.
/// </summary>
internal sealed class AttachmentLimits(IConfiguration configuration)
{
    public long PerFile { get; } = configuration.GetValue("Intake:MaxAttachmentBytes", 10L << 20);

    public long PerReport { get; } = configuration.GetValue("Intake:MaxReportAttachmentBytes", 25L << 20);

    public int Count { get; } = configuration.GetValue("Intake:MaxAttachments", 5);

    /// <summary>The largest request body an upload may need: every file plus room for the form around them.</summary>
    public long RequestBytes => PerReport + (1L << 20);

    /// <summary>Refuses a file over the per-file limit before its bytes are read.</summary>
    public void CheckSize(string? fileName, long length)
    {
        if (length > PerFile)
            throw new DomainException($"The attachment '{AttachmentContent.SafeName(fileName)}' is {Size(length)}; each file may be at most {Size(PerFile)}.");
    }

    /// <summary>Checks the uploads against the limits (with what the report already holds) and their content; all or nothing.</summary>
    public IReadOnlyList<AcceptedAttachment> Check(IReadOnlyList<AttachmentUpload> uploads, int existingCount = 0, long existingBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var accepted = new List<AcceptedAttachment>(uploads.Count);
        var total = existingBytes;
        for (var i = 0; i < uploads.Count; i++)
        {
            var name = AttachmentContent.SafeName(uploads[i].FileName);
            var content = uploads[i].Content;
            if (existingCount + i + 1 > Count)
                throw new DomainException($"The attachment '{name}' is one too many: a report may carry at most {Count} files" +
                    (existingCount > 0 ? $" and this one already has {existingCount}." : "."));
            CheckSize(name, content.LongLength);
            total += content.LongLength;
            if (total > PerReport)
                throw new DomainException($"The attachment '{name}' brings the report's files to {Size(total)}; all files together may be at most {Size(PerReport)}.");
            if (AttachmentContent.Detect(content, out var refusal) is not { } type)
                throw new DomainException($"The attachment '{name}' was refused: its content {refusal}.");
            accepted.Add(new AcceptedAttachment(name, type, content, Convert.ToHexStringLower(SHA256.HashData(content))));
        }
        return accepted;
    }

    /// <summary>The limits in words, for the forms.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"up to {Count} files, {Short(PerFile)} each and {Short(PerReport)} together; {AttachmentContent.Accepted}");

    private static string Short(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.##} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    public static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.##} MiB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
