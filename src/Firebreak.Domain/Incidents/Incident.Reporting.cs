using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>
    /// Records a message exchanged with the reporter (the text itself lives in the report thread,
    /// where its visibility is decided); the timeline keeps who and when.
    /// </summary>
    public void RecordCorrespondence(string summary, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(summary)) throw new DomainException("A correspondence entry needs a summary.");
        Record(now, actor, TimelineKind.Correspondence, summary.Trim());
    }

    /// <summary>
    /// The reporter changes how they want to be credited. Allowed until the advisory is published
    /// (the disclosure clock stopped): after that the credit is public history.
    /// </summary>
    public void ChangeCredit(CreditPreference preference, string? creditName, bool consent, string actor, DateTimeOffset now)
    {
        if (Reporter is null) throw new DomainException($"Incident #{Number} has no reporter to credit.");
        if (_clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure)?.StoppedAt is not null)
            throw new DomainException("The advisory is published; the credit can no longer change.");
        var updated = new Reporter(Reporter.Contact, preference, creditName, consent);
        if (updated == Reporter) return;
        Reporter = updated;
        Record(now, actor, TimelineKind.CreditChanged,
            consent ? $"Credit preference: {preference.ToWire()}" + (updated.CreditName is null ? "" : $" as {updated.CreditName}") : "Credit preference: no public credit");
    }
}
