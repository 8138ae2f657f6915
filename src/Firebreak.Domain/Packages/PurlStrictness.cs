namespace Firebreak.Domain.Packages;

/// <summary>How forgiving purl parsing is about non-canonical input the spec marks as "should".</summary>
public enum PurlStrictness
{
    /// <summary>
    /// The spec's required behaviour: input must already use lowercase qualifier keys.
    /// </summary>
    Strict,

    /// <summary>
    /// Also accepts (and lowercases) mixed-case qualifier keys, the spec's recommended remediation.
    /// </summary>
    Lenient,
}
