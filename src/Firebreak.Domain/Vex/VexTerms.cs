namespace Firebreak.Domain.Vex;

/// <summary>The OpenVEX spellings of <see cref="VexStatus"/> and <see cref="VexJustification"/>, both ways.</summary>
public static class VexTerms
{
    private static readonly string[] StatusNames = ["not_affected", "affected", "fixed", "under_investigation"];

    private static readonly string[] JustificationNames =
    [
        "component_not_present", "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path",
        "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist",
    ];

    /// <summary>The OpenVEX word for a status, e.g. <c>not_affected</c>.</summary>
    public static string ToText(VexStatus status) => StatusNames[(int)status];

    /// <summary>The OpenVEX word for a justification, e.g. <c>vulnerable_code_not_present</c>.</summary>
    public static string ToText(VexJustification justification) => JustificationNames[(int)justification];

    /// <summary>Reads an OpenVEX status word (exact, lowercase as the spec writes it).</summary>
    public static bool TryParseStatus(string? text, out VexStatus status)
    {
        var index = Array.IndexOf(StatusNames, text);
        status = (VexStatus)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Reads an OpenVEX justification word (exact, lowercase as the spec writes it).</summary>
    public static bool TryParseJustification(string? text, out VexJustification justification)
    {
        var index = Array.IndexOf(JustificationNames, text);
        justification = (VexJustification)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The accepted status words, for error messages.</summary>
    public static string StatusList => string.Join(", ", StatusNames);

    /// <summary>The accepted justification words, for error messages.</summary>
    public static string JustificationList => string.Join(", ", JustificationNames);
}
