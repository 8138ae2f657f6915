namespace Firebreak.Web.Features.Watch;

/// <summary>
/// A lockfile or SBOM a project ships, registered to be re-checked: daily and whenever the
/// advisory index is refreshed. Whether it is on the release path decides whether a finding
/// opens an incident or is recorded for later review.
/// </summary>
internal sealed class WatchedManifest
{
    public const int MaxBytes = 16 << 20;

    private WatchedManifest() { }

    public WatchedManifest(Guid projectId, string name, string content, bool onReleasePath, string uploadedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ProjectId = projectId;
        Name = name;
        Replace(content, onReleasePath, uploadedBy, now);
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The file's path in the repository (e.g. <c>Cargo.lock</c>, <c>web/package-lock.json</c>); its file name chooses the reader.</summary>
    public string Name { get; private set; } = "";

    public string Content { get; private set; } = "";

    public bool OnReleasePath { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTime? LastCheckedAt { get; private set; }

    /// <summary>The advisory index the last check used; a different one means a refresh happened since.</summary>
    public string? CheckedIndexStamp { get; private set; }

    public int ComponentCount { get; private set; }

    public void Replace(string content, bool onReleasePath, string uploadedBy, DateTimeOffset now)
    {
        Content = content;
        OnReleasePath = onReleasePath;
        UploadedBy = uploadedBy;
        UploadedAt = now.UtcDateTime;
        CheckedIndexStamp = null; // new content: check again
    }

    public void Checked(string indexStamp, int components, DateTimeOffset now)
    {
        CheckedIndexStamp = indexStamp;
        ComponentCount = components;
        LastCheckedAt = now.UtcDateTime;
    }

    /// <summary>An OpenVEX document (the project's <c>vex/</c> statements), not a lockfile: its statements apply to every finding of the project.</summary>
    public bool IsVex => IsOpenVex(Content);

    public static bool IsOpenVex(string content) => content.Contains(Firebreak.Domain.Vex.VexDocument.Context, StringComparison.Ordinal);

    /// <summary>Makes the next pass check this manifest again (its VEX statements changed).</summary>
    public void Invalidate() => CheckedIndexStamp = null;

    /// <summary>Due when never checked against this index, or not checked for a day.</summary>
    public bool IsDue(string indexStamp, DateTimeOffset now) =>
        CheckedIndexStamp != indexStamp || LastCheckedAt is null || now.UtcDateTime - LastCheckedAt.Value >= TimeSpan.FromDays(1);
}
