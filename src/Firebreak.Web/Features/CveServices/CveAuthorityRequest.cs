namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// Body of <c>PUT /api/v1/projects/{slug}/cve-authority</c> and the settings form: the authority (<c>none</c>,
/// <c>github</c>, <c>own-cna</c>); for the project's own CNA the short name, user, base URL and the API key (empty or
/// absent keeps the stored one), and the CNA organisation UUID the CVE 5 exports carry.
/// </summary>
internal sealed record CveAuthorityRequest(string? Authority, string? ShortName, string? User, string? ApiKey, string? BaseUrl, string? CveOrgId)
{
    public const int MaxName = 128;
}

/// <summary>The CVE authority as shown back: never the key, only whether one is stored.</summary>
internal sealed record CveAuthorityJson(string Authority, string? ShortName, string? User, string? BaseUrl, bool ApiKeyStored, Guid? CveOrgId,
    DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>Body of <c>POST /api/v1/projects/{slug}/cve-ids</c>: how many ids, for which year, sequential or not.</summary>
internal sealed record ReserveRequest(int? Amount, int? Year, bool? Sequential);

/// <summary>Body of <c>POST /api/v1/projects/{slug}/cve-ids/{cveId}/reject</c>.</summary>
internal sealed record RejectRequest(string? Reason);

/// <summary>Body of <c>POST /api/v1/incidents/{id}/cve</c>: <c>reserve</c> (from the project's CNA), <c>check</c> (the record's state) or <c>record</c> with an id given by hand.</summary>
internal sealed record IncidentCveRequest(string? Action, string? CveId);

internal sealed record CveCallJson(Guid Id, string Kind, string What, string? CveId, Guid? IncidentId, string State, int Attempts, int? LastStatus, string? LastError,
    string? Result, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? DoneAt, string RequestedBy)
{
    public static CveCallJson From(CveServiceCall c) => new(c.Id, c.Kind.ToString().ToLowerInvariant(), c.What, c.CveId, c.IncidentId,
        c.State.ToString().ToLowerInvariant(), c.Attempts, c.LastStatus, c.LastError, c.Result, c.CreatedAt, c.NextAttemptAt, c.DoneAt, c.RequestedBy);
}

internal sealed record CveIdJson(string CveId, string State, DateTime ReservedAt, Guid? IncidentId, string? ServiceState, DateTime? CheckedAt, DateTime? PublishedAt,
    DateTime? UpdatedAt, DateTime? RejectedAt, bool DueForRejection)
{
    public static CveIdJson From(CveIdReservation r, bool due) => new(r.CveId, r.State.ToString().ToLowerInvariant(), r.ReservedAt, r.IncidentId,
        r.ServiceState, r.CheckedAt, r.PublishedAt, r.UpdatedAt, r.RejectedAt, due);
}

internal sealed record CveIdsJson(IReadOnlyList<CveIdJson> Ids, IReadOnlyList<string> ForRejection, IReadOnlyList<CveCallJson> Calls);

internal sealed record CveClockJson(string Kind, DateTime StartedAt, DateTime DueAt, DateTime? StoppedAt, string State);

internal sealed record IncidentCveJson(string Authority, string? CveId, IReadOnlyList<CveClockJson> Clocks, IReadOnlyList<CveIdJson> Ids, IReadOnlyList<CveCallJson> Calls);
