using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// An incident's post-mortem: blameless sections written by the maintainers, a curated timeline, and the board's
/// sign-off (stage 4 of the foundation plan). Every edit names the version it was made from; an edit made from a version
/// someone else has changed since is refused (<see cref="DomainException.IsConflict"/>) instead of overwriting their
/// words. A signed-off post-mortem is the record and no longer changes.
/// </summary>
public sealed class PostMortem
{
    private PostMortemContent? _content;

    private PostMortem()
    {
        Document = PostMortemContent.Empty.ToJson();
        UpdatedBy = "";
    }

    /// <summary>The incident (one post-mortem each).</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>The incident's project, for listing.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>Counts saves and the sign-off; 0 for a post-mortem not yet written. The optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The content as stored (<see cref="PostMortemContent.ToJson"/>).</summary>
    public string Document { get; private set; }

    /// <summary>When it was first saved (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When it was last saved (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Who saved it last.</summary>
    public string UpdatedBy { get; private set; }

    /// <summary>When the board signed it off (UTC), or null.</summary>
    public DateTime? SignedOffAt { get; private set; }

    /// <summary>Who signed it off for the board.</summary>
    public string? SignedOffBy { get; private set; }

    /// <summary>True once signed off.</summary>
    public bool IsSignedOff => SignedOffAt is not null;

    /// <summary>The content.</summary>
    public PostMortemContent Content => _content ??= PostMortemContent.FromJson(Document);

    /// <summary>An unwritten post-mortem for an incident (version 0; saved by its first <see cref="Edit"/>).</summary>
    public static PostMortem For(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new PostMortem { IncidentId = incident.Id, ProjectId = incident.ProjectId };
    }

    /// <summary>
    /// Replaces the content with <paramref name="content"/>, made from version <paramref name="basedOn"/>; returns the
    /// headings of what changed (empty: nothing did, and nothing is saved).
    /// </summary>
    public IReadOnlyList<string> Edit(PostMortemContent content, int basedOn, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (IsSignedOff) throw new DomainException($"The post-mortem was signed off by {SignedOffBy} on {SignedOffAt:u}; it is the record now and does not change.");
        if (basedOn != Version)
            throw DomainException.ChangedMeanwhile($"version: the post-mortem changed meanwhile (you edited version {basedOn}; it is at version {Version}, saved by {UpdatedBy} at {UpdatedAt:u}). Reload it, then apply your changes again.");
        var changed = content.Differences(Content);
        if (changed.Count == 0) return changed;
        if (Version == 0) CreatedAt = now.UtcDateTime;
        Document = content.ToJson();
        _content = content;
        Touch(actor, now);
        return changed;
    }

    /// <summary>
    /// The board signs the post-mortem off, as it stands at version <paramref name="basedOn"/> (what the signer read). It
    /// needs at least a summary and a root cause.
    /// </summary>
    public void SignOff(int basedOn, string actor, DateTimeOffset now)
    {
        if (IsSignedOff) throw new DomainException($"The post-mortem was already signed off by {SignedOffBy} on {SignedOffAt:u}.");
        if (basedOn != Version)
            throw DomainException.ChangedMeanwhile($"version: the post-mortem changed after you read it (you read version {basedOn}; it is at version {Version}). Read it again before signing it off.");
        var missing = new[] { PostMortemSection.Summary, PostMortemSection.RootCause }.Where(s => Content[s].Length == 0).Select(s => s.Heading()).ToList();
        if (missing.Count > 0) throw new DomainException($"The post-mortem cannot be signed off without: {string.Join(", ", missing)}.");
        SignedOffAt = now.UtcDateTime;
        SignedOffBy = actor;
        Touch(actor, now);
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now.UtcDateTime;
        UpdatedBy = actor;
    }
}
