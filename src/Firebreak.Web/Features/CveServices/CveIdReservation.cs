namespace Firebreak.Web.Features.CveServices;

/// <summary>Where a reserved CVE id stands, as Firebreak last learnt it from CVE Services.</summary>
internal enum CveIdState
{
    /// <summary>Reserved for the CNA; no record yet.</summary>
    Reserved,
    /// <summary>Its record is published.</summary>
    Published,
    /// <summary>Rejected (unused, or withdrawn).</summary>
    Rejected,
}

/// <summary>One CVE id the project reserved through CVE Services, and the incident it went to, if any.</summary>
internal sealed class CveIdReservation
{
    private CveIdReservation() { }

    public CveIdReservation(Guid projectId, string cveId, DateTimeOffset reservedAt)
    {
        ProjectId = projectId;
        CveId = cveId;
        ReservedAt = reservedAt.UtcDateTime;
    }

    public Guid ProjectId { get; private set; }

    /// <summary>The id (unique: CVE ids are global).</summary>
    public string CveId { get; private set; } = "";

    public DateTime ReservedAt { get; private set; }

    public CveIdState State { get; private set; }

    /// <summary>The incident the id was recorded on; null while unused.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>The state CVE Services last reported (RESERVED, PUBLISHED, REJECTED), when checked.</summary>
    public string? ServiceState { get; private set; }

    public DateTime? CheckedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>When the record was last updated after a revision of the advisory.</summary>
    public DateTime? UpdatedAt { get; private set; }

    public DateTime? RejectedAt { get; private set; }

    /// <summary>Unused (no incident), still reserved, and reserved at least <paramref name="retention"/> before <paramref name="now"/>: to be rejected.</summary>
    public bool DueForRejection(DateTimeOffset now, TimeSpan retention) =>
        State == CveIdState.Reserved && IncidentId is null && ReservedAt <= (now - retention).UtcDateTime;

    public void AssignTo(Guid incidentId) => IncidentId = incidentId;

    public void MarkPublished(DateTimeOffset at) => (State, PublishedAt) = (CveIdState.Published, PublishedAt ?? at.UtcDateTime);

    public void MarkUpdated(DateTimeOffset at) => UpdatedAt = at.UtcDateTime;

    public void MarkRejected(DateTimeOffset at) => (State, RejectedAt) = (CveIdState.Rejected, at.UtcDateTime);

    public void MarkChecked(string serviceState, DateTimeOffset at)
    {
        (ServiceState, CheckedAt) = (serviceState, at.UtcDateTime);
        if (serviceState == "PUBLISHED" && State == CveIdState.Reserved) State = CveIdState.Published;
        else if (serviceState == "REJECTED") State = CveIdState.Rejected;
    }
}
