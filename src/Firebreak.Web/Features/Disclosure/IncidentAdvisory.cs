namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The advisory of an incident, written once in Firebreak's advisory JSON (docs/advisories.md) and
/// exported from it to every standard format. Each save keeps the previous text's version number
/// moving, so two editors cannot overwrite each other silently.
/// </summary>
internal sealed class IncidentAdvisory
{
    public const int MaxChars = 1 << 20;

    public Guid IncidentId { get; set; }

    /// <summary>The advisory in Firebreak's JSON form, as last saved (already validated).</summary>
    public string Document { get; set; } = "";

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
