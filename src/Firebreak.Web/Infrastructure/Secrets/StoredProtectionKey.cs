using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Infrastructure.Secrets;

/// <summary>
/// One Data Protection key as the database keeps it: the key's XML element exactly as Data Protection wrote it,
/// already sealed under the data key by <see cref="SealedKeyRingEncryptor"/>. In the database so that every server
/// on it reads the same key ring: a cookie, an antiforgery token or an encrypted setting made by one server opens on another.
/// </summary>
internal sealed class StoredProtectionKey
{
    private StoredProtectionKey() { }

    public StoredProtectionKey(string name, string xml, DateTimeOffset now)
    {
        Name = name;
        Xml = xml;
        StoredAt = now.UtcDateTime;
    }

    public int Id { get; private set; }

    /// <summary>The name Data Protection gives the element (<c>key-{guid}</c>); unique, so a key is stored once.</summary>
    public string Name { get; private set; } = "";

    public string Xml { get; private set; } = "";

    public DateTime StoredAt { get; private set; }
}

internal sealed class StoredProtectionKeyConfiguration : IEntityTypeConfiguration<StoredProtectionKey>
{
    public void Configure(EntityTypeBuilder<StoredProtectionKey> key)
    {
        key.ToTable("DataProtectionKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(200);
        key.HasIndex(k => k.Name).IsUnique();
    }
}
