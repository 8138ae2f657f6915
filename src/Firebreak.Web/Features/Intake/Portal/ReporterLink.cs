using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>
/// The reporter's capability: a 256-bit random token that opens one report's portal. Only its
/// SHA-256 is stored, so a copy of the database opens nothing; it can be revoked (and a new one
/// issued) without touching the report.
/// </summary>
internal sealed class ReporterLink
{
    private ReporterLink() { }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a link and the token to hand to the reporter (shown once, never stored).</summary>
    public static (ReporterLink Link, string Token) Issue(Guid projectId, Guid incidentId, DateTimeOffset now)
    {
        var token = Secrets.New();
        var link = new ReporterLink
        {
            Id = Guid.CreateVersion7(now), IncidentId = incidentId, ProjectId = projectId, TokenHash = Hash(token), CreatedAt = now.UtcDateTime,
        };
        return (link, token);
    }

    public static string Hash(string token) => Secrets.Hash(token);

    /// <summary>A token is 43 base64url characters; anything else cannot be one and is not looked up.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.UtcDateTime;
}
