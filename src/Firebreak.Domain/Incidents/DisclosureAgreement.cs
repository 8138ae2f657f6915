namespace Firebreak.Domain.Incidents;

/// <summary>Who agreed to a change of the disclosure date; at least one party must have.</summary>
[Flags]
public enum DisclosureAgreement
{
    /// <summary>Nobody (refused as a reason to move the date).</summary>
    None = 0,
    /// <summary>The reporter agreed.</summary>
    Reporter = 1,
    /// <summary>The project's maintainers agreed.</summary>
    Maintainers = 2,
}
