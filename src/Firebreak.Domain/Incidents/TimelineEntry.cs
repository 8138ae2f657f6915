namespace Firebreak.Domain.Incidents;

/// <summary>
/// One line of an incident's append-only timeline: who did what, when. Entries are never edited
/// or deleted (the server refuses to save such a change).
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { Actor = ""; Text = ""; }

    internal TimelineEntry(Guid incidentId, int sequence, DateTimeOffset at, string actor, TimelineKind kind, string text)
    {
        Sequence = sequence;
        Id = Guid.CreateVersion7(at);
        IncidentId = incidentId;
        At = at.UtcDateTime;
        Actor = actor;
        Kind = kind;
        Text = text;
    }

    /// <summary>Identifier; version 7, so ordering by it follows time.</summary>
    public Guid Id { get; private set; }

    /// <summary>The incident this entry belongs to.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>Order within the incident's timeline, from 1; entries at the same instant keep their order.</summary>
    public int Sequence { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>Who did it: a user's e-mail, "system", or a reporter's label.</summary>
    public string Actor { get; private set; }

    /// <summary>What kind of event it records.</summary>
    public TimelineKind Kind { get; private set; }

    /// <summary>One human-readable line.</summary>
    public string Text { get; private set; }
}
