using Firebreak.Domain.Projects;
namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// A personal API token. Only the SHA-256 of the secret is stored (tokens carry 256 random bits,
/// so a fast hash is enough); the secret is shown once, at creation.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lowercase hex SHA-256 of the whole token string.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>When set, the token works only in this project, with at most <see cref="Role"/>'s permissions.</summary>
    public Guid? ProjectId { get; set; }

    public AccessRole? Role { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
