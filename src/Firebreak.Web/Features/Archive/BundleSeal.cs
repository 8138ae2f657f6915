using Firebreak.Domain.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Firebreak.Web.Infrastructure.Audit;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// Closes a set of files into a bundle: <c>public-key.pem</c> (the server's audit key, public half),
/// <c>manifest.json</c> listing every other file in order with its size and SHA-256, and <c>signature.json</c>, an
/// Ed25519 signature by the audit key over the manifest's SHA-256. The signed bytes are the canonical audit encoding of
/// <c>firebreak-archive-signature/1</c>, the key id and the manifest's digest: a tag of its own, so an archive signature
/// can never pass for a checkpoint's. Ed25519 signatures are deterministic, so the same files give the same bytes.
/// </summary>
internal sealed class BundleSeal(AuditSigningKey key)
{
    public const string Manifest = "manifest.json";
    public const string Signature = "signature.json";
    public const string PublicKey = "public-key.pem";
    public const string SignatureFormat = "firebreak-archive-signature/1";

    /// <summary>The files followed by the key, the manifest and the signature; <paramref name="describe"/> writes the manifest's own fields before its file list.</summary>
    public IReadOnlyList<ArchiveFile> Close(IReadOnlyList<ArchiveFile> files, Action<Utf8JsonWriter> describe)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(describe);
        var all = new List<ArchiveFile>(files) { new(PublicKey, System.Text.Encoding.ASCII.GetBytes(PublicKeyPem)) };
        var manifest = ManifestOf(all.Select(f => (f.Path, (long)f.Content.Length, Digest(f.Content))), describe);
        all.Add(new(Manifest, manifest));
        all.Add(new(Signature, Sign(manifest)));
        return all;
    }

    /// <summary>A manifest of files already written elsewhere (the project archive streams its files and lists them at the end).</summary>
    public static byte[] ManifestOf(IEnumerable<(string Path, long Size, string Sha256)> files, Action<Utf8JsonWriter> describe)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(describe);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            describe(json);
            json.WriteString("algorithm", "sha-256");
            json.WriteStartArray("files");
            foreach (var (path, size, sha256) in files)
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteNumber("size", size);
                json.WriteString("sha256", sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The signature file for a manifest's bytes.</summary>
    public byte[] Sign(byte[] manifest)
    {
        var digest = Digest(manifest);
        var signature = key.Sign(CanonicalEncoding.Of(SignatureFormat).Add(key.KeyId).Add(digest).ToArray());
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", SignatureFormat);
            json.WriteString("keyId", key.KeyId);
            json.WriteString("manifestSha256", digest);
            json.WriteString("signature", Convert.ToBase64String(signature));
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The server's audit key, public half, as the bundle carries it.</summary>
    public string PublicKeyPem => key.PublicKeyPem;

    public static string Digest(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
