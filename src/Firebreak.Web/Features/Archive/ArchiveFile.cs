namespace Firebreak.Web.Features.Archive;

/// <summary>One file of an archive: its path inside the ZIP (forward slashes, relative, never <c>..</c>) and its bytes.</summary>
internal sealed record ArchiveFile(string Path, byte[] Content);
