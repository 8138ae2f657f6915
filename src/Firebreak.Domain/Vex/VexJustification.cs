namespace Firebreak.Domain.Vex;

/// <summary>Why a product is not affected (OpenVEX 0.2.0 <c>justification</c>, from CISA's status justifications).</summary>
public enum VexJustification
{
    /// <summary><c>component_not_present</c>.</summary>
    ComponentNotPresent,
    /// <summary><c>vulnerable_code_not_present</c>.</summary>
    VulnerableCodeNotPresent,
    /// <summary><c>vulnerable_code_not_in_execute_path</c>.</summary>
    VulnerableCodeNotInExecutePath,
    /// <summary><c>vulnerable_code_cannot_be_controlled_by_adversary</c>.</summary>
    VulnerableCodeCannotBeControlledByAdversary,
    /// <summary><c>inline_mitigations_already_exist</c>.</summary>
    InlineMitigationsAlreadyExist,
}
