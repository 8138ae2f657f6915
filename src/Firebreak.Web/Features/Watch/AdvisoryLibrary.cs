using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Web.Features.Watch;

/// <summary>
/// The server's advisory source: the index file named by <c>Advisories:Index</c> (built and
/// refreshed with <c>firebreak db import</c>, offline). It is reloaded whenever the file changes, and
/// its stamp (size and write time) tells the watch worker that a refresh happened.
/// </summary>
internal sealed partial class AdvisoryLibrary(IConfiguration configuration, ILogger<AdvisoryLibrary> logger)
{
    private readonly Lock _gate = new();
    private string? _stamp;
    private DependencyScanner? _scanner;
    private AdvisoryIndex? _index;

    /// <summary>The configured index path, or null when none is configured.</summary>
    public string? Path => configuration["Advisories:Index"] is { Length: > 0 } path ? path : null;

    /// <summary>The current scanner and its stamp, or null when no readable index is configured.</summary>
    public (DependencyScanner Scanner, AdvisoryIndex Index, string Stamp)? Current()
    {
        if (Path is not { } path || !File.Exists(path)) return null;
        var info = new FileInfo(path);
        var stamp = $"{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        lock (_gate)
        {
            if (stamp != _stamp)
            {
                try
                {
                    _index = AdvisoryIndex.Load(File.ReadAllBytes(path), path);
                    _scanner = DependencyScanner.FromIndex(_index);
                    _stamp = stamp;
                }
                catch (Exception e) when (e is AdvisoryIndexFormatException or IOException or UnauthorizedAccessException)
                {
                    NotLoaded(logger, path, e.Message);
                    if (_scanner is null) return null; // keep serving the last good index
                }
            }
            return (_scanner!, _index!, _stamp!);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Advisory index {Path} could not be loaded: {Error}")]
    private static partial void NotLoaded(ILogger logger, string path, string error);
}
