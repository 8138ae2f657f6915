using System.Text;
using System.Text.Json;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// The incident as the record keeps it (part of the public face, for the archive): the API's JSON of the incident,
/// with its clocks' states as of <c>asOf</c> rather than the moment of the download, so the same record gives the same bytes.
/// </summary>
[PublicFace]
internal sealed class IncidentRecord(PlaybookLibrary library)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] Json(Incident incident, string projectSlug, DateTimeOffset asOf) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(IncidentJson.From(incident, projectSlug, library.Catalog, asOf), Options) + "\n");
}
