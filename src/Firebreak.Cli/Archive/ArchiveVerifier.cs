using Firebreak.Domain.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Firebreak.Cli.Archive;

/// <summary>What verifying an archive found: one line per problem, each naming the file, and a summary of what was checked.</summary>
internal sealed record ArchiveVerdict(IReadOnlyList<string> Problems, string Summary)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Checks an archive from the server offline (docs/archive.md): every file against the manifest (no file missing, none
/// extra, every byte the same), the manifest against its Ed25519 signature, and for each incident bundle the audit
/// excerpt (every full record's hash, every link, no position missing, the checkpoint's signature and head) and the
/// timeline against the records the chain kept of it. A project archive is checked as a whole and then bundle by bundle.
/// </summary>
internal static class ArchiveVerifier
{
    public const string Manifest = "manifest.json";
    public const string Signature = "signature.json";
    public const string PublicKeyFile = "public-key.pem";

    private static readonly string[] Kept = [Manifest, Signature, PublicKeyFile, "timeline.json", "audit/records.json", "audit/checkpoint.json"];

    /// <param name="file">The archive.</param>
    /// <param name="pinned">A public key kept apart from the archive, or null to trust the key the archive carries.</param>
    public static ArchiveVerdict Verify(Stream file, PublicKey? pinned)
    {
        var (items, problems) = ZipContents.Read(file, name => Kept.Any(k => name == k || name.EndsWith("/" + k, StringComparison.Ordinal)));
        if (items is null) return new(problems, "");
        var byPath = items.ToDictionary(i => i.Path, StringComparer.Ordinal);
        if (!byPath.TryGetValue(Manifest, out var root) || root.Content is null)
        {
            problems.Add($"{Manifest}: missing or unreadable (not a Firebreak archive, or its manifest was removed)");
            return new(problems, "");
        }
        var (kind, keyId) = CheckBundle("", byPath, pinned, problems);
        var stats = new ExcerptStats();
        var bundles = 0;
        if (kind == "incident")
        {
            AuditExcerptCheck.Check("", byPath, pinned ?? KeyOf("", byPath), problems, stats);
            bundles = 1;
        }
        else if (kind == "project")
        {
            foreach (var folder in byPath.Keys.Where(p => p.StartsWith("incidents/", StringComparison.Ordinal) && p.EndsWith("/" + Manifest, StringComparison.Ordinal))
                         .Select(p => p[..^Manifest.Length]).Order(StringComparer.Ordinal))
            {
                if (CheckBundle(folder, byPath, pinned, problems).Kind != "incident") problems.Add($"{folder}{Manifest}: is not an incident bundle's manifest");
                else AuditExcerptCheck.Check(folder, byPath, pinned ?? KeyOf(folder, byPath), problems, stats);
                bundles++;
            }
            foreach (var orphan in byPath.Keys.Where(p => p.StartsWith("incidents/", StringComparison.Ordinal)
                         && !byPath.ContainsKey(p[..(p.IndexOf('/', "incidents/".Length) + 1)] + Manifest)).Order(StringComparer.Ordinal))
                problems.Add($"{orphan}: in an incident folder without a manifest");
        }
        var key = pinned is null ? $"the key the archive carries ({keyId}); pass --public-key to check it against a key kept elsewhere" : $"the key given ({keyId})";
        return new(problems, $"{items.Count} files, {bundles} incident bundle(s), {stats.Full} audit record(s) in full and {stats.Withheld} withheld, " +
            $"{stats.Checkpoints} checkpoint(s); signed by {key}");
    }

    /// <summary>Checks one bundle's manifest and signature (the whole archive at the root, or an incident's folder); gives the manifest's kind.</summary>
    private static (string? Kind, string KeyId) CheckBundle(string prefix, Dictionary<string, ZipItem> items, PublicKey? pinned, List<string> problems)
    {
        var manifestPath = prefix + Manifest;
        var manifest = items[manifestPath].Content!;
        string? kind = null;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(manifest);
            var rootElement = document.RootElement;
            if (Json.Text(rootElement, "format") != "firebreak-archive/1") throw new FormatException("$.format is not \"firebreak-archive/1\"");
            kind = Json.Text(rootElement, "kind");
            if (!rootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) throw new FormatException("$.files is missing");
            var n = 0;
            foreach (var file in files.EnumerateArray())
            {
                var at = $"$.files[{n++}]";
                var path = Json.Text(file, "path", at);
                var size = Json.Number(file, "size", at);
                var sha = Json.Text(file, "sha256", at);
                var bad = ZipContents.NameProblem(path) ?? (path is Manifest or Signature ? "the manifest does not list itself or its signature" : null);
                if (bad is not null)
                {
                    problems.Add($"{manifestPath}: {at}.path '{ZipContents.Shown(path)}' cannot be a file of the bundle ({bad})");
                    continue;
                }
                var full = prefix + path;
                if (!listed.Add(full)) problems.Add($"{manifestPath}: {at}.path '{path}' is listed twice");
                else if (!items.TryGetValue(full, out var item)) problems.Add($"{full}: listed in the manifest but missing from the archive");
                else if (item.Readable && (item.Size != size || item.Sha256 != sha))
                    problems.Add($"{full}: does not match the manifest (SHA-256 {item.Sha256[..16]}…, {item.Size} bytes; listed {Short(sha)}, {size} bytes): it was changed");
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problems.Add($"{manifestPath}: not a readable manifest ({ZipContents.OneLine(e.Message)})");
            return (null, "");
        }
        var own = new[] { manifestPath, prefix + Signature };
        foreach (var extra in items.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !own.Contains(p) && !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            // A nested bundle's own manifest and signature are listed by the top-level manifest, not by themselves.
            problems.Add($"{extra}: not listed in {manifestPath} (a file was added)");
        }
        return (kind, CheckSignature(prefix, items, manifest, pinned, problems));
    }

    private static string CheckSignature(string prefix, Dictionary<string, ZipItem> items, byte[] manifest, PublicKey? pinned, List<string> problems)
    {
        var path = prefix + Signature;
        var carried = KeyOf(prefix, items);
        if (carried is null) problems.Add($"{prefix}{PublicKeyFile}: missing, or not an Ed25519 public key (PEM)");
        var key = pinned ?? carried;
        var keyId = key is null ? "no key" : KeyId(key);
        if (pinned is not null && carried is not null && KeyId(carried) != keyId)
            problems.Add($"{prefix}{PublicKeyFile}: is key {KeyId(carried)}, not the key given with --public-key ({keyId})");
        if (!items.TryGetValue(path, out var item) || item.Content is null)
        {
            problems.Add($"{path}: missing or unreadable (the manifest is not signed)");
            return keyId;
        }
        try
        {
            using var document = JsonDocument.Parse(item.Content);
            var root = document.RootElement;
            if (Json.Text(root, "format") != "firebreak-archive-signature/1") throw new FormatException("$.format is not \"firebreak-archive-signature/1\"");
            var signedId = Json.Text(root, "keyId");
            var digest = Json.Text(root, "manifestSha256");
            var signature = Convert.FromBase64String(Json.Text(root, "signature"));
            var actual = Convert.ToHexStringLower(SHA256.HashData(manifest));
            if (digest != actual) problems.Add($"{prefix}{Manifest}: changed after it was signed (its SHA-256 is {actual[..16]}…, {path} signs {Short(digest)})");
            if (key is null) return keyId;
            if (signedId != keyId) problems.Add($"{path}: signed by {ZipContents.Shown(signedId)}, not by {keyId}");
            else if (!SignatureAlgorithm.Ed25519.Verify(key, CanonicalEncoding.Of("firebreak-archive-signature/1").Add(signedId).Add(digest).ToArray(), signature))
                problems.Add($"{path}: the signature does not verify with {keyId}");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problems.Add($"{path}: not a readable signature ({ZipContents.OneLine(e.Message)})");
        }
        return keyId;
    }

    /// <summary>The public key a bundle carries, or null.</summary>
    public static PublicKey? KeyOf(string prefix, Dictionary<string, ZipItem> items) =>
        items.TryGetValue(prefix + PublicKeyFile, out var pem) && pem.Content is not null ? ReadPublicPem(Encoding.ASCII.GetString(pem.Content)) : null;

    /// <summary>An Ed25519 public key from PEM text (SubjectPublicKeyInfo, as <c>admin audit-key</c> prints it), or null.</summary>
    public static PublicKey? ReadPublicPem(string text)
    {
        const string Begin = "-----BEGIN PUBLIC KEY-----", End = "-----END PUBLIC KEY-----";
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        if (start < 0 || end < start) return null;
        var block = Encoding.ASCII.GetBytes(text[start..(end + End.Length)] + "\n");
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, block, KeyBlobFormat.PkixPublicKeyText, out var key) ? key : null;
    }

    /// <summary>The server's name for a key: <c>ed25519:</c> and the first 16 hex digits of the SHA-256 of its raw 32 bytes.</summary>
    public static string KeyId(PublicKey key) =>
        "ed25519:" + Convert.ToHexStringLower(SHA256.HashData(key.Export(KeyBlobFormat.RawPublicKey)))[..16];

    private static string Short(string hex) => hex.Length > 16 ? hex[..16] + "…" : ZipContents.Shown(hex);
}
