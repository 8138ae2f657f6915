using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// A data-encryption key (DEK) as the database keeps it: wrapped (AES-256-GCM) under the key-encryption
/// key, which the database never holds. Sealed values name the data key that sealed them.
/// </summary>
internal sealed class DataKey
{
    private DataKey() { }

    public DataKey(int id, byte[] wrapped, string wrappedUnder, DateTimeOffset now)
    {
        Id = id;
        Wrapped = wrapped;
        WrappedUnder = wrappedUnder;
        CreatedAt = now.UtcDateTime;
        WrappedAt = now.UtcDateTime;
    }

    public int Id { get; private set; }

    /// <summary>Nonce (12 bytes), tag (16) and the encrypted key (32).</summary>
    public byte[] Wrapped { get; private set; } = [];

    /// <summary>The id of the key-encryption key it is wrapped under (<see cref="KeyEncryptionKey.Id"/>).</summary>
    public string WrappedUnder { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>When it was last wrapped (created or rotated), UTC.</summary>
    public DateTime WrappedAt { get; private set; }

    public void Rewrap(byte[] wrapped, string wrappedUnder, DateTimeOffset now)
    {
        Wrapped = wrapped;
        WrappedUnder = wrappedUnder;
        WrappedAt = now.UtcDateTime;
    }
}

internal sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> key)
    {
        key.ToTable("DataKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.WrappedUnder).HasMaxLength(16);
    }
}
