using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// <c>PUT /api/v1/incidents/{id}/advisory</c> saves the incident's advisory (Firebreak's advisory JSON,
/// validated by the same reader as <c>firebreak advisory export</c>); <c>GET …/advisory?format=F</c>
/// returns it, or exports it as osv, cve5, cve5-container, csaf, csaf-vex, openvex, ghsa-md or
/// changelog. Every export is recorded in the audit chain.
/// </summary>
internal static class AdvisoryApi
{
    public static RouteGroupBuilder MapAdvisoryApi(this RouteGroupBuilder api)
    {
        var advisory = api.MapGroup("/incidents/{id:guid}/advisory").WithTags("Advisories");
        advisory.MapPut("", Save).RequirePermission(Permission.IncidentWork).Accepts<string>("application/json");
        advisory.MapGet("", Get).RequirePermission(Permission.IncidentRead);
        return api;
    }

    private static async Task<Results<Ok<AdvisorySavedJson>, NotFound>> Save(Guid id, HttpRequest request, ProjectAccess access,
        FirebreakDbContext db, CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (text.Length > IncidentAdvisory.MaxChars) throw new DomainException("The advisory is larger than 1 MiB.");
        var parsed = FirebreakAdvisoryJson.Read(text); // throws DomainException naming the field
        var now = time.GetUtcNow();
        var row = await db.Set<IncidentAdvisory>().SingleOrDefaultAsync(a => a.IncidentId == id, ct);
        if (row is null) db.Add(row = new IncidentAdvisory { IncidentId = id });
        row.Document = text;
        row.Version++;
        row.UpdatedAt = now.UtcDateTime;
        row.UpdatedBy = user.Name;
        incident.AddNote($"Advisory {parsed.Id} saved (version {row.Version})", user.Name, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AdvisorySavedJson(parsed.Id, row.Version, row.UpdatedAt, row.UpdatedBy));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Get(Guid id, string? format, ProjectAccess access,
        FirebreakDbContext db, AuditTrail audit, CurrentUser user, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is null) return TypedResults.NotFound();
        if (await db.Set<IncidentAdvisory>().SingleOrDefaultAsync(a => a.IncidentId == id, ct) is not { } row) return TypedResults.NotFound();
        if (format is null) return TypedResults.Text(row.Document, "application/json; charset=utf-8");
        if (!AdvisoryExport.Formats.Contains(format))
            throw new DomainException($"'{format}' is not an advisory format; use {string.Join(", ", AdvisoryExport.Formats)}.");
        var document = AdvisoryExport.Write(FirebreakAdvisoryJson.Read(row.Document), format);
        await audit.RecordNowAsync(user.Name, "advisory-export", $"incident {id}", $"exported advisory version {row.Version} as {format}", ct);
        return TypedResults.Text(document, AdvisoryExport.MediaType(format));
    }
}

internal sealed record AdvisorySavedJson(string Advisory, int Version, DateTime UpdatedAt, string UpdatedBy);

internal sealed class IncidentAdvisoryConfiguration : IEntityTypeConfiguration<IncidentAdvisory>
{
    public void Configure(EntityTypeBuilder<IncidentAdvisory> advisory)
    {
        advisory.ToTable("IncidentAdvisories");
        advisory.HasKey(a => a.IncidentId);
        advisory.Property(a => a.Version).IsConcurrencyToken();
        advisory.Property(a => a.UpdatedBy).HasMaxLength(320);
        advisory.HasOne<Firebreak.Domain.Incidents.Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
