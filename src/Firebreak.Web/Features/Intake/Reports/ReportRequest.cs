using System.Text.Json;
using Firebreak.Web.Features.Intake.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Reads the intake's request bodies: JSON alone, or multipart/form-data with the report as JSON in
/// a part named <c>report</c> and the files in parts named <c>files</c>. Malformed bodies are 400
/// (JSON with the path, line and position); other content types 415. File sizes are checked before
/// their bytes are read.
/// </summary>
internal static class ReportRequest
{
    public const string ReportPart = "report";

    public const string FilesPart = "files";

    /// <summary>Lets a multipart body be as large as an upload may need (the server's default, which JSON keeps, is smaller).</summary>
    public static void AllowBody(HttpContext http, AttachmentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(limits);
        if (http.Request.HasFormContentType && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.RequestBytes;
    }

    public static async Task<(ReportSubmission Submission, IReadOnlyList<AttachmentUpload> Files)> ReadAsync(HttpContext http, AttachmentLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (request.HasJsonContentType())
        {
            var json = await request.ReadFromJsonAsync<ReportSubmission>(ct);
            return (json ?? throw new BadHttpRequestException("The request body is empty: send the report as a JSON object."), []);
        }
        var form = await ReadFormAsync(request, ct);
        if (form.TryGetValue(ReportPart, out var part) is false || part.Count != 1 || string.IsNullOrWhiteSpace(part[0]))
            throw new BadHttpRequestException($"The multipart body needs exactly one part named '{ReportPart}' holding the report as JSON.");
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var submission = JsonSerializer.Deserialize<ReportSubmission>(part[0]!, options)
            ?? throw new BadHttpRequestException($"The '{ReportPart}' part is empty: send the report as a JSON object.");
        return (submission, await FilesAsync(form.Files, limits, ct));
    }

    /// <summary>The files of a multipart body that carries only files (the portal's upload).</summary>
    public static async Task<IReadOnlyList<AttachmentUpload>> ReadFilesAsync(HttpContext http, AttachmentLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await FilesAsync((await ReadFormAsync(http.Request, ct)).Files, limits, ct);
    }

    /// <summary>Reads uploaded files into memory, refusing too many or too large ones before reading them.</summary>
    public static async Task<IReadOnlyList<AttachmentUpload>> FilesAsync(IEnumerable<IFormFile> files, AttachmentLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var uploads = new List<AttachmentUpload>();
        foreach (var file in files)
        {
            // A browser sends an empty, nameless part for a file input left empty.
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName)) continue;
            limits.CheckSize(file.FileName, file.Length);
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
            uploads.Add(new AttachmentUpload(file.FileName, content));
        }
        return uploads;
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new BadHttpRequestException("Send application/json, or multipart/form-data with the report as JSON in a part named 'report' and the files in parts named 'files'.",
                StatusCodes.Status415UnsupportedMediaType);
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw new BadHttpRequestException($"The multipart body is malformed: {e.Message}", StatusCodes.Status400BadRequest, e);
        }
    }
}
