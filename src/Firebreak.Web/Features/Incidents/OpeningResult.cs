using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.Incidents;

/// <summary>The incident an opening came to: the one it opened, or the one its vulnerability already had.</summary>
/// <param name="IncidentId">The incident, new or found.</param>
/// <param name="Opened">The new incident; null when an existing one was found.</param>
[PublicFace]
internal sealed record OpeningResult(Guid IncidentId, Incident? Opened);
