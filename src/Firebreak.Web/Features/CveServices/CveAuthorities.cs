using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// Reads and changes a project's CVE authority. The API key is protected as it arrives and never leaves again: the
/// answer says only whether one is stored. Changes are audited without the key.
/// </summary>
internal sealed class CveAuthorities(FirebreakDbContext db, StoredSecrets secrets, OutboundClient outbound, CveServicesClient client, AuditTrail audit, TimeProvider time)
{
    public async Task<CveAuthorityJson> GetAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var account = await db.Set<CveServicesAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.ProjectId == project.Id, ct);
        return new(project.CveAuthority.ToWire(), account?.ShortName, account?.UserName, account?.BaseUrl, account?.ApiKey is not null, project.CveOrgId,
            account?.UpdatedAt, account?.UpdatedBy);
    }

    public async Task<CveServicesAccount?> AccountAsync(Guid projectId, CancellationToken ct) =>
        await db.Set<CveServicesAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.ProjectId == projectId, ct);

    public async Task ChangeAsync(Project project, CveAuthorityRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(request);
        var authority = WireNames.Parse<CveAuthority>(request.Authority, "authority");
        var org = string.IsNullOrWhiteSpace(request.CveOrgId) ? (Guid?)null : OrgId(request.CveOrgId);
        var now = time.GetUtcNow();
        var account = await db.Set<CveServicesAccount>().SingleOrDefaultAsync(a => a.ProjectId == project.Id, ct);
        var detail = $"authority {authority.ToWire()}";
        if (authority == CveAuthority.OwnCna)
        {
            var shortName = Name(request.ShortName, "shortName");
            var user = Name(request.User, "user");
            var baseUrl = BaseUrl(request.BaseUrl);
            var key = string.IsNullOrWhiteSpace(request.ApiKey) ? null : request.ApiKey.Trim();
            if (key is { Length: > 512 }) throw new DomainException("apiKey: longer than 512 characters.");
            if (key is null && account?.ApiKey is null) throw new DomainException("apiKey: the project's own CNA needs the CVE Services API key of the user.");
            if (org is null && (project.CveOrgId is null || account?.ShortName != shortName))
            {
                // Not typed: ask CVE Services for the organisation's UUID with the credentials just given.
                var apiKey = key ?? secrets.Reveal(StoredSecrets.Purposes.CveServicesKey, account!.ApiKey!, project.Id.ToString("D"))
                    ?? throw new DomainException("apiKey: the stored key can no longer be read (the server's keys changed); give it again.");
                var (found, error) = await client.OrganisationIdAsync(new CveServicesClient.Credentials(baseUrl, shortName, user, apiKey), ct);
                org = found ?? throw new DomainException(
                    $"cveOrgId: CVE Services did not give the UUID of organisation '{shortName}' ({error}); check the short name, user and key, or give the UUID by hand.");
                detail += "; organisation UUID looked up in CVE Services";
            }
            if (account is null) db.Add(account = new CveServicesAccount(project.Id));
            account.Change(shortName, user, baseUrl, key is null ? null : secrets.Protect(StoredSecrets.Purposes.CveServicesKey, key, project.Id.ToString("D")), actor, now);
            detail += $"; short name {shortName}; user {user}; service {baseUrl}; API key {(key is null ? "kept" : "replaced")}";
        }
        var before = project.CveAuthority;
        project.ChangeCveAuthority(authority, org);
        detail += $"; CNA organisation {project.CveOrgId?.ToString("D") ?? "none"}";
        if (before != authority)
        {
            var withdrawn = await WithdrawClocksAsync(project, authority, actor, now, ct);
            if (withdrawn > 0) detail += $"; CNA clocks withdrawn on {withdrawn} incident(s)";
        }
        audit.Record(actor, "cve-authority", $"project {project.Slug}", detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws the running CNA clocks the new authority no longer owes (see <see cref="Incident.WithdrawCveClocks"/>).</summary>
    private async Task<int> WithdrawClocksAsync(Project project, CveAuthority authority, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var kinds = authority switch
        {
            CveAuthority.None => new[] { ClockKind.CveAssignment, ClockKind.CveRecordPublication },
            CveAuthority.OwnCna => [],
            _ => [ClockKind.CveRecordPublication],
        };
        if (kinds.Length == 0) return 0;
        var incidents = await db.Incidents
            .Where(i => i.ProjectId == project.Id && i.ClockRecords.Any(c => kinds.Contains(c.Kind) && c.StoppedAt == null))
            .ToListAsync(ct);
        return incidents.Count(i => i.WithdrawCveClocks(authority, actor, now));
    }

    private static Guid OrgId(string text) =>
        Guid.TryParseExact(text.Trim(), "D", out var id) && id != Guid.Empty ? id
            : throw new DomainException($"cveOrgId: '{Excerpt.Clip(text, 60)}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");

    private static string Name(string? value, string field)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw new DomainException($"{field}: required for the project's own CNA.");
        if (text.Length > CveAuthorityRequest.MaxName) throw new DomainException($"{field}: longer than {CveAuthorityRequest.MaxName} characters.");
        if (text.Any(char.IsControl)) throw new DomainException($"{field}: contains a control character.");
        return text;
    }

    private string BaseUrl(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw new DomainException("baseUrl: choose the CVE Services address (test or production).");
        if (text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new DomainException($"baseUrl: '{Excerpt.Clip(text, 80)}' is not an absolute address without query (e.g. {CveServicesAccount.TestUrl}).");
        try
        {
            outbound.CheckAddress(url);
        }
        catch (OutboundRefusedException e)
        {
            throw new DomainException($"baseUrl: {e.Message}");
        }
        return text.TrimEnd('/');
    }
}
