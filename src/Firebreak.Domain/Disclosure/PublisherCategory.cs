namespace Firebreak.Domain.Disclosure;

/// <summary>What kind of party publishes the advisory (CSAF's publisher categories).</summary>
public enum PublisherCategory
{
    /// <summary>The maker of the product; an open-source project publishing its own advisories.</summary>
    Vendor,
    /// <summary>Coordinates disclosure for others (a CERT).</summary>
    Coordinator,
    /// <summary>Found the vulnerability.</summary>
    Discoverer,
    /// <summary>Uses the product.</summary>
    User,
    /// <summary>Translates another's advisory.</summary>
    Translator,
    /// <summary>Anything else.</summary>
    Other,
}
