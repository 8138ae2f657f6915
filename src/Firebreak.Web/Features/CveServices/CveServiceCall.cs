namespace Firebreak.Web.Features.CveServices;

/// <summary>What a queued call to CVE Services does.</summary>
internal enum CveCallKind
{
    /// <summary><c>POST /cve-id</c>: reserve ids (payload: amount, year, sequential).</summary>
    Reserve,
    /// <summary><c>POST /cve/{id}/cna</c>: publish the record from the advisory's CNA container (the payload).</summary>
    Publish,
    /// <summary><c>PUT /cve/{id}/cna</c>: replace the published container after a revision (the payload).</summary>
    Update,
    /// <summary><c>POST /cve/{id}/reject</c>: reject an unused reserved id (payload: the rejected container).</summary>
    Reject,
    /// <summary><c>GET /cve-id/{id}</c>: read the id's state.</summary>
    Check,
}

/// <summary>Where a queued call stands.</summary>
internal enum CveCallState
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>CVE Services answered 2xx and its effect is recorded.</summary>
    Done,
    /// <summary>Refused by the service (a 4xx other than 429), or given up after the maximum attempts; kept, can be retried.</summary>
    Failed,
}

/// <summary>
/// One call to CVE Services, added in the same unit of work as the change that asks for it and made by the worker with
/// retries (the chat deliveries' leased pattern): at most one server holds it at a time, every attempt is audited.
/// </summary>
internal sealed class CveServiceCall
{
    private CveServiceCall() { }

    public CveServiceCall(Guid projectId, Guid? incidentId, CveCallKind kind, string? cveId, string? payload, string requestedBy, DateTimeOffset now,
        DateTimeOffset? notBefore = null)
    {
        Id = Guid.CreateVersion7(now);
        (ProjectId, IncidentId, Kind, CveId, Payload, RequestedBy) = (projectId, incidentId, kind, cveId, payload, requestedBy);
        CreatedAt = now.UtcDateTime;
        NextAttemptAt = (notBefore ?? now).UtcDateTime;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid? IncidentId { get; private set; }

    public CveCallKind Kind { get; private set; }

    public string? CveId { get; private set; }

    /// <summary>The request's JSON body or parameters (public data: a container is queued only once its advisory is public).</summary>
    public string? Payload { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public CveCallState State { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LeasedUntil { get; private set; }

    public int Attempts { get; private set; }

    public int? LastStatus { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? DoneAt { get; private set; }

    /// <summary>What the call achieved, in words (the ids reserved, the state read).</summary>
    public string? Result { get; private set; }

    /// <summary>What it is, for pages, the timeline and the audit: "publish CVE-2026-0001".</summary>
    public string What => Kind switch
    {
        CveCallKind.Reserve => "reserve CVE ids",
        CveCallKind.Publish => $"publish {CveId}",
        CveCallKind.Update => $"update {CveId}",
        CveCallKind.Reject => $"reject {CveId}",
        CveCallKind.Check => $"check {CveId}",
    };

    public void MarkDone(int status, string result, DateTimeOffset now)
    {
        Attempts++;
        (State, LastStatus, Result, DoneAt, LeasedUntil, LastError) = (CveCallState.Done, status, result, now.UtcDateTime, null, null);
    }

    /// <summary>
    /// A failed attempt. A refusal (<paramref name="final"/>: bad input, no credentials) fails at once; anything else (a
    /// 429, a 5xx, no answer) is retried after 30 s doubling per attempt up to 1 h, spread by ±20 %, until
    /// <paramref name="maxAttempts"/>. True when this attempt parked the call as failed.
    /// </summary>
    public bool MarkFailed(int? status, string error, bool final, DateTimeOffset now, int maxAttempts, double jitter)
    {
        Attempts++;
        (LastStatus, LastError, LeasedUntil) = (status, error.Length > 2000 ? error[..2000] : error, null);
        var seconds = Math.Min(3600, 30 * Math.Pow(2, Math.Min(Attempts - 1, 20))) * (0.8 + 0.4 * jitter);
        NextAttemptAt = (now + TimeSpan.FromSeconds(seconds)).UtcDateTime;
        if (!final && Attempts < maxAttempts) return false;
        State = CveCallState.Failed;
        return true;
    }

    /// <summary>Queues a failed call again, due now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != CveCallState.Failed) return;
        (State, NextAttemptAt) = (CveCallState.Pending, now.UtcDateTime);
    }
}
