namespace Firebreak.Domain.Projects;

/// <summary>An account's role in a project; what each role allows is the server's permission table.</summary>
public sealed class ProjectMember
{
    private ProjectMember() => UserId = "";

    /// <summary>Makes <paramref name="userId"/> a member of <paramref name="projectId"/> in <paramref name="role"/>.</summary>
    public ProjectMember(Guid projectId, string userId, AccessRole role, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ProjectId = projectId;
        UserId = userId;
        Role = role;
        AddedAt = now.UtcDateTime;
    }

    /// <summary>The project.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>The account.</summary>
    public string UserId { get; private set; }

    /// <summary>When the account became a member (UTC).</summary>
    public DateTime AddedAt { get; private set; }

    /// <summary>The member's role.</summary>
    public AccessRole Role { get; private set; }

    /// <summary>Gives the member another role.</summary>
    public void ChangeRole(AccessRole role) => Role = role;
}
