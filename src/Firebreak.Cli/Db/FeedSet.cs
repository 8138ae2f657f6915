namespace Firebreak.Cli.Db;

/// <summary>What one `db import` reads: local paths and URLs per feed.</summary>
internal sealed record FeedSet(string[] Osv, string? RustSec, string? Kev, List<string> OsvUrls, string? RustSecUrl, string? KevUrl)
{
    /// <summary>Why the request cannot run (a usage error), or null.</summary>
    public string? Problem()
    {
        if (Osv.Length == 0 && RustSec is null && Kev is null && OsvUrls.Count == 0 && RustSecUrl is null && KevUrl is null)
            return "give --osv, --rustsec, --kev, --osv-url, --rustsec-url, --kev-url and/or --fetch to import.";
        if (RustSec is not null && RustSecUrl is not null) return "give either --rustsec or --rustsec-url, not both.";
        if (Kev is not null && KevUrl is not null) return "give either --kev or --kev-url, not both.";
        if (Osv.Append(RustSec).Append(Kev).OfType<string>().FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
            return $"'{missing}' does not exist.";
        if (Kev is not null && Directory.Exists(Kev)) return $"--kev takes the catalog's JSON file; '{Kev}' is a folder.";
        if (OsvUrls.Append(RustSecUrl).Append(KevUrl).OfType<string>().FirstOrDefault(u => !IsHttp(u)) is { } bad)
            return $"'{bad}' is not an http:// or https:// URL.";
        return null;
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
