namespace Firebreak.Domain.Vex;

/// <summary>What a VEX statement says about a vulnerability in a product (OpenVEX 0.2.0 <c>status</c>).</summary>
public enum VexStatus
{
    /// <summary><c>not_affected</c>: no remediation needed; carries a justification or an impact statement.</summary>
    NotAffected,
    /// <summary><c>affected</c>: action is recommended; carries an action statement.</summary>
    Affected,
    /// <summary><c>fixed</c>: the product versions listed contain a fix.</summary>
    Fixed,
    /// <summary><c>under_investigation</c>: not yet known.</summary>
    UnderInvestigation,
}
