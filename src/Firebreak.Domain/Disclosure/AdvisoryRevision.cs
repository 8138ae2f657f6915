namespace Firebreak.Domain.Disclosure;

/// <summary>One entry of the revision history.</summary>
/// <param name="Number">An integer or semantic version (CSAF's version forms).</param>
/// <param name="Date">When the revision was released.</param>
/// <param name="Summary">What changed.</param>
public sealed record AdvisoryRevision(string Number, DateTimeOffset Date, string Summary);
