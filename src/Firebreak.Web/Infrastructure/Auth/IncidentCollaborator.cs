namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>An account invited to one incident only (need-to-know, like an advisory's collaborators).</summary>
internal sealed class IncidentCollaborator
{
    public Guid IncidentId { get; set; }
    public required string UserId { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
}
