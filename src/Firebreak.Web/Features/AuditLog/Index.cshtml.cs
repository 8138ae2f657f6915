using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.AuditLog;

/// <summary>
/// The audit chain for administrators: its records newest first, a page at a time (<c>p</c>, <c>pageSize</c>), and, when asked
/// (<c>verify=true</c>), a verification of the whole chain. Verifying reads every record and every timeline entry, and the
/// chain grows with every audited read, so a visit to the list does not do it unasked: the list costs one page of records.
/// </summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class AuditModel(FirebreakDbContext db, AuditVerifier verifier) : PageModel
{
    /// <summary>The verdict when this visit asked for one; null otherwise.</summary>
    public AuditVerdict? Verdict { get; private set; }

    [FromQuery(Name = "verify")] public string? VerifyChain { get; set; }
    public IReadOnlyList<AuditRecord> Latest { get; private set; } = [];
    public Paged<AuditRecord> List { get; private set; } = new([], 0, 1, Paging.MaxLimit);

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(PageNumber, PageSize, errors, "p", "pageSize", Paging.MaxLimit);
        if (VerifyChain is not (null or "true")) errors["verify"] = ["'true' verifies the whole chain; leave it out to list the records only."];
        else if (VerifyChain == "true") Verdict = await verifier.VerifyAsync(ct);
        if (errors.Count > 0)
        {
            foreach (var (key, messages) in errors) ModelState.AddModelError(key, $"{key}: {messages[0]}");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        List = await db.Set<AuditRecord>().AsNoTracking().OrderByDescending(r => r.Sequence).ToPagedAsync(paging, ct);
        Latest = List.Items;
        return Page();
    }

    /// <summary>Route values of page n (the page size kept when not the default of 200).</summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        var values = PagerView.Route(page, Paging.DefaultLimit);
        if (List.Limit != Paging.MaxLimit) values["pageSize"] = List.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
