using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Chat;

internal sealed class ChatConfiguration : IEntityTypeConfiguration<ChatChannel>, IEntityTypeConfiguration<ChatDelivery>, IEntityTypeConfiguration<ChatDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<ChatChannel> channel)
    {
        channel.ToTable("ChatChannels");
        channel.HasKey(c => c.Id);
        channel.Property(c => c.Id).ValueGeneratedNever();
        channel.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        channel.Property(c => c.Name).HasMaxLength(ChatChannel.MaxName);
        channel.Property(c => c.Address).Sealed();
        channel.Property(c => c.Destination).HasMaxLength(300);
        channel.Property(c => c.RoomId).HasMaxLength(300);
        channel.Property(c => c.Secret).HasMaxLength(2000);
        channel.Property(c => c.CreatedBy).HasMaxLength(320);
        channel.HasIndex(c => c.ProjectId);
        channel.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChatDelivery> delivery)
    {
        delivery.ToTable("ChatDeliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.Property(d => d.DedupeKey).HasMaxLength(ChatDelivery.MaxKey);
        delivery.HasIndex(d => new { d.ChannelId, d.DedupeKey }).IsUnique();
        delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
        delivery.HasIndex(d => d.CreatedAt);
        delivery.Property(d => d.EventKind).HasMaxLength(40);
        delivery.Property(d => d.Severity).HasMaxLength(40);
        delivery.Property(d => d.Summary).Sealed();
        delivery.Property(d => d.Detail).Sealed();
        delivery.Property(d => d.Link).HasMaxLength(2048);
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.LastError).HasMaxLength(2000);
        delivery.HasOne<ChatChannel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChatDeliveryAttempt> attempt)
    {
        attempt.ToTable("ChatDeliveryAttempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.HasIndex(a => a.DeliveryId);
        attempt.Property(a => a.Error).HasMaxLength(2000);
        attempt.HasOne<ChatDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
