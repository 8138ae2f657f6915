using System.Security.Cryptography;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// The key-encryption key (KEK): 256 bits that live outside the database and wrap the data keys
/// stored in it. From <c>Firebreak:KeyEncryptionKey</c> (base64, e.g. an environment variable
/// <c>Firebreak__KeyEncryptionKey</c>) when set; otherwise from the file named by
/// <c>Firebreak:KeyEncryptionKeyFile</c>, by default <c>keys/firebreak.kek</c> in the data
/// directory, created on first start readable by the owner only (0600).
/// </summary>
internal sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private KeyEncryptionKey(byte[] key, string? file)
    {
        Key = key;
        File = file;
        Id = Fingerprint(key);
    }

    /// <summary>The key itself.</summary>
    public byte[] Key { get; }

    /// <summary>The file it was read from, or null when it came from configuration.</summary>
    public string? File { get; }

    /// <summary>16 hex digits that name this key without revealing it (stored next to each wrapped data key).</summary>
    public string Id { get; }

    /// <summary>Where a rotation writes the next key before the database is switched to it.</summary>
    public string? NextFile => File is null ? null : File + ".next";

    public static KeyEncryptionKey FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Firebreak:KeyEncryptionKey"] is { Length: > 0 } text)
            return new KeyEncryptionKey(Parse(text, "Firebreak:KeyEncryptionKey"), null);
        var file = configuration["Firebreak:KeyEncryptionKeyFile"] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(DataDirectory.Resolve(configuration), "keys", "firebreak.kek");
        if (!System.IO.File.Exists(file)) Write(file, Generate());
        return FromFile(file);
    }

    /// <summary>Reads a key file (base64 text).</summary>
    public static KeyEncryptionKey FromFile(string file) =>
        new(Parse(System.IO.File.ReadAllText(file), file), Path.GetFullPath(file));

    /// <summary>A key given as base64 text (from standard input during a rotation).</summary>
    public static KeyEncryptionKey FromText(string text, string source) => new(Parse(text, source), null);

    /// <summary>A fresh random key.</summary>
    public static KeyEncryptionKey New(string? file) => new(Generate(), file);

    /// <summary>The key as the base64 text a key file or the setting holds.</summary>
    public string ToText() => Convert.ToBase64String(Key);

    /// <summary>
    /// Writes a key file, readable and writable by the owner only, flushed to disk before it is used:
    /// a key that is lost after the database was switched to it loses every sealed value.
    /// </summary>
    public static void Write(string file, byte[] key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(file, options);
        using (var writer = new StreamWriter(stream, leaveOpen: true)) writer.Write(Convert.ToBase64String(key));
        stream.Flush(flushToDisk: true);
    }

    private static byte[] Generate() => RandomNumberGenerator.GetBytes(Length);

    private static byte[] Parse(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The key-encryption key in {source} is not base64 text.");
        }
        return key.Length == Length ? key : throw new InvalidOperationException($"The key-encryption key in {source} is {key.Length} bytes; it must be {Length} (256 bits).");
    }

    private static string Fingerprint(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "firebreak key-encryption key id"u8))[..16];
}
