using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>What a redacted reporter contact reads as, in the record and in every archive made after.</summary>
    public const string RedactedContact = "[redacted]";

    /// <summary>
    /// Replaces the reporter's contact details with <see cref="RedactedContact"/> (a reporter's request, granted by an
    /// instance administrator); how they are credited and everything else of the record stays. The timeline says who
    /// redacted and why, never the value. A second redaction is refused: there is nothing left to remove.
    /// </summary>
    public void RedactReporterContact(string? reason, string actor, DateTimeOffset now)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("reason: say why the reporter's contact is redacted (the request it answers).");
        if (reason.Length > 2_000) throw new DomainException("reason: longer than 2,000 characters.");
        if (Reporter is null) throw new DomainException($"Incident #{Number} has no reporter.");
        if (Reporter.Contact == RedactedContact) throw new DomainException("The reporter's contact is already redacted.");
        Reporter = new Reporter(RedactedContact, Reporter.Preference, Reporter.CreditName, Reporter.Consent);
        Record(now, actor, TimelineKind.Redaction, $"Reporter contact redacted: {reason}");
    }
}
