using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<NotificationSettings>,
    IEntityTypeConfiguration<NoticeMark>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.Event).HasMaxLength(40);
        notification.Property(n => n.Title).Sealed(); // it may name an embargoed vulnerability
        notification.Property(n => n.Severity).HasMaxLength(16);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.Property(n => n.DedupKey).HasMaxLength(Notification.MaxKey);
        notification.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        notification.HasIndex(n => n.IncidentId);
    }

    public void Configure(EntityTypeBuilder<NotificationSettings> settings)
    {
        settings.ToTable("NotificationSettings");
        settings.HasKey(s => s.UserId);
        settings.Property(s => s.UserId).HasMaxLength(450);
        settings.Property(s => s.EmailEvents).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<NoticeMark> mark)
    {
        mark.ToTable("NoticeMarks");
        mark.HasKey(m => m.Key);
        mark.Property(m => m.Key).HasMaxLength(Notification.MaxKey);
        mark.Property(m => m.Event).HasMaxLength(40);
    }
}
