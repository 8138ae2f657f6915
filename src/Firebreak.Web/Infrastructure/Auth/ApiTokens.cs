using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>Creates, resolves and revokes personal API tokens (<c>fbk_</c> + 43 base64url characters).</summary>
internal sealed class ApiTokens(FirebreakDbContext db, TimeProvider time, AuditTrail audit)
{
    public const string Prefix = "fbk_";

    /// <summary>Creates a token for a user; the returned secret is never stored and cannot be shown again.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken ct,
        Guid? projectId = null, AccessRole? role = null)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) throw new Domain.Common.DomainException("A token name must be 1 to 100 characters.");
        if (projectId is { } project)
        {
            // Even an instance administrator needs a role in the project: a scoped token acts as a member, never as the instance.
            var own = await db.ProjectMembers.Where(m => m.ProjectId == project && m.UserId == userId).Select(m => (AccessRole?)m.Role).SingleOrDefaultAsync(ct)
                ?? throw new Domain.Common.DomainException("A token can be scoped only to a project you have a role in.");
            role ??= own;
        }
        else if (role is not null) throw new Domain.Common.DomainException("A token's role needs the project it applies to.");
        var secret = Prefix + Secrets.New();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserId = userId,
            Name = name,
            Hash = Hash(secret),
            Prefix = secret[..10],
            CreatedAt = time.GetUtcNow().UtcDateTime,
            ProjectId = projectId,
            Role = role,
        };
        db.Set<ApiToken>().Add(token);
        audit.Record(userId, "token-created", $"token {token.Id}", $"API token '{name}' ({token.Prefix}…)");
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>
    /// The live token matching a presented secret with its account, in one query, or null. Its last use is
    /// written at most once a minute, so most requests write nothing.
    /// </summary>
    public async Task<(ApiToken Token, AppUser User)?> ResolveAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length != Prefix.Length + 43) return null;
        var hash = Hash(secret);
        var found = await db.Set<ApiToken>().Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var token = found.Token;
        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUseResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (token, found.User);
    }

    /// <summary>How stale a token's recorded last use may be: it is written at most this often.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Revokes one of the user's tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        audit.Record(userId, "token-revoked", $"token {token.Id}", $"API token '{token.Name}' ({token.Prefix}…)");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Hash(string secret) => Secrets.Hash(secret);
}
