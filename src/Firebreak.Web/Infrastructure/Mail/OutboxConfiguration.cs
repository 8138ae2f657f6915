using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Firebreak.Web.Data.Sealing;

namespace Firebreak.Web.Infrastructure.Mail;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.HasIndex(m => m.DedupKey).IsUnique();
        message.HasIndex(m => new { m.State, m.NextAttemptAt });
        message.HasIndex(m => m.IncidentId);
        message.Property(m => m.DedupKey).HasMaxLength(200);
        message.Property(m => m.To).Sealed(); // a reporter's address is theirs to give, not the database's to show
        message.Property(m => m.Subject).Sealed();
        message.Property(m => m.TextBody).Sealed();
        message.Property(m => m.HtmlBody).Sealed();
        message.Property(m => m.Purpose).HasMaxLength(40);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.LastError).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<OutboxAttempt> attempt)
    {
        attempt.ToTable("OutboxAttempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.HasIndex(a => a.MessageId);
        attempt.Property(a => a.Error).HasMaxLength(2000);
        attempt.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
