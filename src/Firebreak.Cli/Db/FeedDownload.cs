using System.Net;

namespace Firebreak.Cli.Db;

/// <summary>
/// Downloads feeds for `db import` into one temporary folder, deleted on dispose, so they are imported exactly as
/// local files are. Every failure (refused, timed out, non-2xx, too large) is an <see cref="IOException"/> naming
/// the URL, which the import reports before leaving the index unchanged.
/// </summary>
internal sealed class FeedDownload(HttpClient client, long maxBytes) : IDisposable
{
    /// <summary>The size cap of one download.</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-fetch-").FullName;
    private int _count;

    /// <summary>The client feeds are fetched with: at most 5 redirects (never HTTPS to HTTP), 30 s to connect, 10 min in all.</summary>
    public static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("firebreak-db-import");
        return client;
    }

    /// <summary>
    /// Fetches <paramref name="url"/> to a file named after its last path segment (so record origins stay stable
    /// between refreshes); a name without .zip or .json gets the one its first bytes say.
    /// </summary>
    public string Get(Uri url)
    {
        var folder = Path.Combine(_folder, (_count++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath)) is { Length: > 0 } last && last.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 ? last : "feed";
        var path = Path.Combine(folder, name);
        try
        {
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
                throw new IOException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > maxBytes) throw TooLarge(url);
            using (var body = response.Content.ReadAsStream())
            using (var file = File.Create(path))
            {
                var buffer = new byte[81920];
                long total = 0;
                for (int read; (read = body.Read(buffer)) > 0;)
                {
                    total += read;
                    if (total > maxBytes) throw TooLarge(url);
                    file.Write(buffer, 0, read);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new IOException($"GET {url} failed: {e.Message}", e);
        }
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return path;
        var sniffed = path + (StartsWithZipMagic(path) ? ".zip" : ".json");
        File.Move(path, sniffed);
        return sniffed;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IOException TooLarge(Uri url) => new($"GET {url}: the answer exceeds the {maxBytes >> 20} MiB limit ({maxBytes} bytes)");

    private static bool StartsWithZipMagic(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\x03\x04"u8);
    }
}
