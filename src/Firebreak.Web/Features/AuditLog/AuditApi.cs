using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.AuditLog;

/// <summary><c>GET /api/v1/audit/verify</c>: checks the whole chain and names the first broken link.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", Verify).WithTags("Audit").RequirePermission(Permission.InstanceAdmin);
        return api;
    }

    private static async Task<Ok<AuditVerdictJson>> Verify(AuditVerifier verifier, CancellationToken ct)
    {
        var verdict = await verifier.VerifyAsync(ct);
        return TypedResults.Ok(new AuditVerdictJson(verdict.Intact, verdict.Records, verdict.BrokenAt, verdict.Problem, verdict.ToString()));
    }
}

internal sealed record AuditVerdictJson(bool Intact, long Records, long? BrokenAt, string? Problem, string Summary);
