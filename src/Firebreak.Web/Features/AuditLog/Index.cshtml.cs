using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.AuditLog;

/// <summary>The audit chain for administrators: the latest records and a full verification.</summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class AuditModel(FirebreakDbContext db, AuditVerifier verifier) : PageModel
{
    public AuditVerdict Verdict { get; private set; } = new(0, null, null);
    public IReadOnlyList<AuditRecord> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verdict = await verifier.VerifyAsync(ct);
        Latest = await db.Set<AuditRecord>().OrderByDescending(r => r.Sequence).Take(200).ToListAsync(ct);
    }
}
