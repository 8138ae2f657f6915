using Firebreak.Domain.Incidents;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// Someone to thank. A credit is published only with consent; an anonymous credit holds no name or contact at
/// all, so no exporter can name its subject by mistake.
/// </summary>
public sealed record AdvisoryCredit
{
    private AdvisoryCredit(CreditType type, string? name, string? contact, bool consent)
    {
        Type = type;
        Name = name;
        Contact = contact;
        Consent = consent;
    }

    /// <summary>The role.</summary>
    public CreditType Type { get; }

    /// <summary>The real name or handle to print; null for an anonymous credit.</summary>
    public string? Name { get; }

    /// <summary>A public contact (URL or e-mail) the person asked to be shown with the credit.</summary>
    public string? Contact { get; }

    /// <summary>Whether the person agreed to be credited publicly.</summary>
    public bool Consent { get; }

    /// <summary>True when the credit names nobody.</summary>
    public bool IsAnonymous => Name is null;

    /// <summary>What exporters print: the name, or "Anonymous".</summary>
    public string PublicName => Name ?? "Anonymous";

    /// <summary>A credit by real name or handle.</summary>
    public static AdvisoryCredit Named(CreditType type, string name, string? contact = null, bool consent = true) =>
        new(type, AdvisoryText.Line(name, "credits.name", 200), AdvisoryText.Optional(contact, "credits.contact", 320), consent);

    /// <summary>A credit that is counted but names no one.</summary>
    public static AdvisoryCredit Anonymous(CreditType type, bool consent = true) => new(type, null, null, consent);

    /// <summary>The reporter's credit as they asked for it (anonymous stays anonymous; their private contact is never copied).</summary>
    public static AdvisoryCredit FromReporter(Reporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        return reporter.Preference == CreditPreference.Anonymous || reporter.CreditName is null
            ? Anonymous(CreditType.Reporter, reporter.Consent)
            : Named(CreditType.Reporter, reporter.CreditName, null, reporter.Consent);
    }
}
