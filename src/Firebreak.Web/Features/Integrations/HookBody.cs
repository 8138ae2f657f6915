namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// Reads a delivery's raw body, at most <see cref="MaxBytes"/>: GitHub's security events are a few kilobytes (its own
/// cap is 25 MB, for push events we do not take). A declared length above the bound is refused before reading; an
/// undeclared one is read only up to one byte past it.
/// </summary>
internal static class HookBody
{
    public const int MaxBytes = 1 << 20;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
