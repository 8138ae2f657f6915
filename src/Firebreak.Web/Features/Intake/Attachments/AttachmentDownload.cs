namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// How an attachment leaves the server: always as a download of opaque bytes, never rendered. The
/// browser is told not to guess a type, to run nothing (a sandbox with no sources, should it
/// display it anyway), and not to keep a copy.
/// </summary>
internal static class AttachmentDownload
{
    public const string ContentType = "application/octet-stream";

    public const string Policy = "sandbox; default-src 'none'";

    /// <summary>Sets the headers; the response's Content-Disposition comes with the file result (attachment, with the safe name).</summary>
    public static void Prepare(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
    }
}
