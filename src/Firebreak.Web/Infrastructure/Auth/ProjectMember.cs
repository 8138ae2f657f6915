namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>A user's role in a project; what the role allows is in <see cref="PermissionTable"/>.</summary>
internal sealed class ProjectMember
{
    public Guid ProjectId { get; set; }
    public required string UserId { get; set; }
    public DateTime AddedAt { get; set; }
    public AccessRole Role { get; set; } = AccessRole.IncidentManager;
}
