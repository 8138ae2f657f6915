namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>A user who may see and work a project's incidents (roles per project come later).</summary>
internal sealed class ProjectMember
{
    public Guid ProjectId { get; set; }
    public required string UserId { get; set; }
    public DateTime AddedAt { get; set; }
}
