using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// The Ed25519 key that signs checkpoints. It lives in a file outside the database (PKCS#8 PEM,
/// created on first use with mode 0600), so a copy of the database, however edited, cannot sign a
/// checkpoint for itself. Its public half (SubjectPublicKeyInfo PEM) is what a verifier keeps.
/// </summary>
internal sealed partial class AuditSigningKey(IOptions<AuditOptions> options, ILogger<AuditSigningKey> log) : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Lock _lock = new();
    private Key? _key;

    public string Path => options.Value.KeyPath;

    public string KeyId => IdOf(Key.PublicKey);

    public string PublicKeyPem => PublicPem(Key.PublicKey);

    public PublicKey PublicKey => Key.PublicKey;

    public byte[] Sign(byte[] data) => Ed25519.Sign(Key, data);

    /// <summary>Loads the key, creating the file first when there is none.</summary>
    public void EnsureCreated() => _ = Key;

    private Key Key
    {
        get
        {
            lock (_lock) return _key ??= LoadOrCreate();
        }
    }

    /// <summary>A short, stable name for a public key: <c>ed25519:</c> and the first 16 hex digits of the SHA-256 of its 32 raw bytes.</summary>
    public static string IdOf(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "ed25519:" + Convert.ToHexStringLower(SHA256.HashData(key.Export(KeyBlobFormat.RawPublicKey)))[..16];
    }

    public static string PublicPem(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PkixPublicKeyText)).Trim() + "\n";
    }

    public static bool Verify(PublicKey key, byte[] data, byte[] signature) => Ed25519.Verify(key, data, signature);

    /// <summary>
    /// A public key from PEM text (<c>BEGIN PUBLIC KEY</c>; lines around the block, such as the comment
    /// <c>admin audit-key</c> prints, are ignored), or null when it holds no Ed25519 public key.
    /// </summary>
    public static PublicKey? ReadPublicPem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Begin = "-----BEGIN PUBLIC KEY-----", End = "-----END PUBLIC KEY-----";
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        if (start < 0 || end < start) return null;
        var block = Encoding.ASCII.GetBytes(text[start..(end + End.Length)] + "\n");
        return PublicKey.TryImport(Ed25519, block, KeyBlobFormat.PkixPublicKeyText, out var key) ? key : null;
    }

    /// <summary>The public half of an existing private key file (never creates one), or null when there is none or it is not a key.</summary>
    public static PublicKey? ReadPublicOfPrivate(string path)
    {
        if (!File.Exists(path)) return null;
        using var key = Import(File.ReadAllBytes(path));
        return key is null ? null : PublicKey.Import(Ed25519, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);
    }

    private Key LoadOrCreate()
    {
        var path = Path;
        if (!File.Exists(path)) TryCreate(path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            ReadableByOthers(log, path);
        return Import(File.ReadAllBytes(path)) ?? throw new InvalidOperationException($"{path} is not an Ed25519 private key (PKCS#8 PEM).");
    }

    private void TryCreate(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, file);
            stream.Write(key.Export(KeyBlobFormat.PkixPrivateKeyText));
            stream.Flush(flushToDisk: true);
            Created(log, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it at the same moment: use theirs.
        }
    }

    private static Key? Import(byte[] pem) =>
        Key.TryImport(Ed25519, pem, KeyBlobFormat.PkixPrivateKeyText, out var key, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }) ? key : null;

    public void Dispose() => _key?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit signing key {Path} is readable by other accounts; chmod 600 it")]
    private static partial void ReadableByOthers(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the audit signing key {Path}")]
    private static partial void Created(ILogger logger, string path);
}
