using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Data;

/// <summary>
/// One fixed-window rate counter shared by the servers on one PostgreSQL (<see cref="RateWindows"/>): how many
/// requests a key (a purpose and a hashed client address) made in the window starting at <see cref="WindowStart"/>.
/// Rows are written only by SQL (an upsert); expired ones are swept now and then.
/// </summary>
internal sealed class RateWindow
{
    private RateWindow() { }

    public string Key { get; private set; } = "";

    public DateTime WindowStart { get; private set; }

    /// <summary>When the window ends; the row is useless after it and may be deleted.</summary>
    public DateTime ExpiresAt { get; private set; }

    public int Count { get; private set; }
}

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    public void Configure(EntityTypeBuilder<RateWindow> window)
    {
        window.ToTable("RateWindows");
        window.HasKey(w => new { w.Key, w.WindowStart });
        window.Property(w => w.Key).HasMaxLength(200);
        window.HasIndex(w => w.ExpiresAt);
    }
}
