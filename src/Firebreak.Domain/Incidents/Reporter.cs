using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// Who reported an incident and how they want to be credited. Credit is given only with consent,
/// and never by name when the preference is anonymous.
/// </summary>
public sealed record Reporter
{
    /// <summary>Creates a reporter; a named preference needs the name or handle to credit.</summary>
    public Reporter(string? contact, CreditPreference preference, string? creditName, bool consent)
    {
        contact = contact?.Trim();
        creditName = creditName?.Trim();
        if (contact is { Length: > 320 }) throw new DomainException("The reporter contact is longer than 320 characters.");
        if (creditName is { Length: > 200 }) throw new DomainException("The credit name is longer than 200 characters.");
        if (preference != CreditPreference.Anonymous && consent && string.IsNullOrEmpty(creditName))
            throw new DomainException($"A reporter credited by {preference.ToWire()} needs the name or handle to credit.");
        Contact = string.IsNullOrEmpty(contact) ? null : contact;
        Preference = preference;
        CreditName = preference == CreditPreference.Anonymous ? null : (string.IsNullOrEmpty(creditName) ? null : creditName);
        Consent = consent;
    }

    /// <summary>How to reach the reporter (e-mail or URL); never published.</summary>
    public string? Contact { get; }

    /// <summary>How the reporter wants to be credited.</summary>
    public CreditPreference Preference { get; }

    /// <summary>The real name or handle to credit; null when anonymous.</summary>
    public string? CreditName { get; }

    /// <summary>Whether the reporter consented to public credit.</summary>
    public bool Consent { get; }

    /// <summary>The text to print in a credit line: the chosen name, or "an anonymous reporter".</summary>
    public string CreditLine => Consent && CreditName is not null && Preference != CreditPreference.Anonymous
        ? CreditName
        : "an anonymous reporter";
}
