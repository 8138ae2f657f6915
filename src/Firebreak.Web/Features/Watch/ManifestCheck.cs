using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.Watch;

/// <summary>A manifest as it stands after a check, and the incidents the check opened.</summary>
internal sealed record ManifestCheck(WatchedManifest Manifest, IReadOnlyList<Incident> Opened);
