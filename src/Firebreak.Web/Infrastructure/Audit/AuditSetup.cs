using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Infrastructure.Audit;

internal static class AuditSetup
{
    public static WebApplicationBuilder AddFirebreakAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditChain>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditChain>());
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddSingleton<ReadAudit>();
        builder.Services.AddHostedService<ReadAuditWriter>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection("Audit"));
        builder.Services.PostConfigure<AuditOptions>(o => o.DataFolder = Data.Sealing.DataDirectory.Resolve(builder.Configuration));
        builder.Services.AddSingleton<AuditSigningKey>();
        builder.Services.AddScoped<TakeCheckpoint>();
        builder.Services.AddHostedService<AuditCheckpointWorker>();
        return builder;
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> record)
    {
        record.ToTable("AuditChain");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedNever();
        record.HasIndex(r => r.Sequence).IsUnique();
        record.Property(r => r.Actor).HasMaxLength(320);
        record.Property(r => r.Action).HasMaxLength(64);
        record.Property(r => r.Subject).HasMaxLength(200);
        record.Property(r => r.PreviousHash).HasMaxLength(64);
        record.Property(r => r.Hash).HasMaxLength(64);
        record.Property(r => r.EntryDigest).HasMaxLength(64);
        record.Property(r => r.Detail).Sealed(); // repeats a timeline entry's text, so sealed as that is
        record.HasIndex(r => new { r.Action, r.Subject });
        record.Ignore(r => r.IsSealed);
    }
}
