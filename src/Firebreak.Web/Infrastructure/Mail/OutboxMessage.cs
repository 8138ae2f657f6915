namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// One e-mail in the durable outbox. It is added to the same unit of work as the change that
/// caused it, so it exists exactly when that change committed; the worker then delivers it,
/// recording every attempt. Messages are never deleted: a message that keeps failing stays
/// visible as <see cref="OutboxState.Failed"/> until someone retries it.
/// </summary>
internal sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(MailDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Id = Guid.CreateVersion7(now);
        DedupKey = draft.DedupKey;
        To = draft.To;
        Subject = draft.Subject;
        TextBody = draft.TextBody;
        HtmlBody = draft.HtmlBody;
        Purpose = draft.Purpose;
        IncidentId = draft.IncidentId;
        ProjectId = draft.ProjectId;
        CreatedAt = now.UtcDateTime;
        NextAttemptAt = draft.NotBefore is { } notBefore && notBefore > now ? notBefore.UtcDateTime : now.UtcDateTime;
    }

    public Guid Id { get; private set; }

    /// <summary>What makes this message unique: enqueueing the same key twice keeps the first.</summary>
    public string DedupKey { get; private set; } = "";

    /// <summary>One recipient address.</summary>
    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>Sanitised HTML alternative, when the message has one.</summary>
    public string? HtmlBody { get; private set; }

    /// <summary>Why it is sent (e.g. <c>acknowledgement</c>); observers react to delivered purposes.</summary>
    public string Purpose { get; private set; } = "";

    public Guid? IncidentId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public OutboxState State { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Not to be tried before this instant (UTC); moves forward with each failure.</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The worker holding it until this instant (UTC), so that several servers send it once.</summary>
    public DateTime? LeasedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Delivery succeeded.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        State = OutboxState.Sent;
        SentAt = now.UtcDateTime;
        LeasedUntil = null;
        LastError = null;
        // Kept for the record only: what was sent, minus anything that would still open a door. A message that is
        // itself a record (a signed audit checkpoint) carries no door, and its signature can hold a run of 43 letters
        // and digits that the redaction would cut out of the middle of its JSON.
        if (CapabilityLinks.CarriesNone(Purpose)) return;
        TextBody = CapabilityLinks.Redact(TextBody);
        HtmlBody = HtmlBody is null ? null : CapabilityLinks.Redact(HtmlBody);
    }

    /// <summary>
    /// Delivery failed: try again after an exponential back-off (1 min doubling, at most 6 h);
    /// after <paramref name="maxAttempts"/> the message is parked as failed, still kept.
    /// </summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeasedUntil = null;
        var delay = TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Min(Attempts - 1, 20))));
        NextAttemptAt = (now + delay).UtcDateTime;
        if (Attempts >= maxAttempts) State = OutboxState.Failed;
    }

    /// <summary>Puts a failed message back in the queue (an operator's retry).</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != OutboxState.Failed) return;
        State = OutboxState.Pending;
        NextAttemptAt = now.UtcDateTime;
    }
}
