namespace Firebreak.Domain.Cvss;

/// <summary>
/// The CVSS v4.0 macrovector scores and the data of the severity-distance interpolation, as the
/// specification's reference calculator defines them. Facts of the specification, not code.
/// </summary>
internal static class Cvss4Lookup
{
    /// <summary>
    /// Score × 10 of each macrovector, indexed [EQ1 0–2][EQ2 0–1][EQ3 0–2][EQ4 0–2][EQ5 0–2][EQ6 0–1]
    /// flattened in that order; -1 marks the impossible EQ3=2, EQ6=0.
    /// </summary>
    private static readonly sbyte[] Scores =
    [
        100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81, 68,
        98, 95, 95, 92, 90, 84, 93, 92, 89, 81, 81, 65, 88, 80, 78, 70, 69, 48,
        -1, 92, -1, 82, -1, 72, -1, 79, -1, 69, -1, 50, -1, 69, -1, 55, -1, 27,
        99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71, 92, 81, 82, 71, 72, 53,
        95, 93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84, 70, 71, 52, 50, 30,
        -1, 86, -1, 75, -1, 52, -1, 71, -1, 52, -1, 29, -1, 63, -1, 29, -1, 17,
        98, 95, 94, 87, 91, 81, 94, 89, 86, 74, 77, 64, 87, 75, 74, 63, 63, 49,
        94, 89, 88, 77, 76, 67, 86, 76, 74, 58, 59, 50, 72, 57, 57, 52, 52, 25,
        -1, 83, -1, 70, -1, 54, -1, 65, -1, 58, -1, 26, -1, 53, -1, 21, -1, 13,
        95, 90, 88, 76, 76, 70, 90, 77, 75, 62, 61, 53, 77, 66, 68, 59, 52, 30,
        89, 78, 76, 67, 62, 58, 74, 59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16,
        -1, 71, -1, 59, -1, 30, -1, 58, -1, 26, -1, 15, -1, 23, -1, 13, -1, 6,
        93, 87, 86, 72, 75, 58, 86, 74, 74, 61, 56, 34, 70, 54, 52, 40, 40, 22,
        85, 75, 74, 55, 62, 51, 72, 57, 55, 41, 46, 19, 53, 36, 34, 19, 19, 8,
        -1, 64, -1, 51, -1, 20, -1, 47, -1, 21, -1, 11, -1, 24, -1, 9, -1, 4,
        88, 75, 73, 53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22, 20, 11,
        75, 55, 58, 45, 40, 21, 61, 51, 48, 18, 20, 9, 46, 18, 17, 7, 8, 2,
        -1, 53, -1, 24, -1, 14, -1, 24, -1, 12, -1, 5, -1, 10, -1, 3, -1, 1,
    ];

    /// <summary>The macrovector score, or NaN when that macrovector does not exist.</summary>
    public static double Score(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6)
    {
        if (eq1 > 2 || eq2 > 1 || eq3 > 2 || eq4 > 2 || eq5 > 2 || eq6 > 1) return double.NaN;
        var tenths = Scores[((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6];
        return tenths < 0 ? double.NaN : tenths / 10.0;
    }

    /// <summary>Depth of each EQ level, in severity-distance steps (0.1 each).</summary>
    public static int MaxSeverityEq1(int level) => level switch { 0 => 1, 1 => 4, _ => 5 };

    /// <inheritdoc cref="MaxSeverityEq1"/>
    public static int MaxSeverityEq2(int level) => level == 0 ? 1 : 2;

    /// <inheritdoc cref="MaxSeverityEq1"/>
    public static int MaxSeverityEq3Eq6(int eq3, int eq6) => (eq3, eq6) switch { (0, 0) => 7, (0, _) => 6, (1, _) => 8, _ => 10 };

    /// <inheritdoc cref="MaxSeverityEq1"/>
    public static int MaxSeverityEq4(int level) => level switch { 0 => 6, 1 => 5, _ => 4 };

    /// <summary>
    /// The highest-severity vectors of each EQ level, as severity levels (in steps of 0.1) of the
    /// metrics the EQ covers: EQ1 (AV, PR, UI), EQ2 (AC, AT), EQ3+EQ6 (VC, VI, VA, CR, IR, AR),
    /// EQ4 (SC, SI, SA). Tried in this order; the first not below the scored vector is used.
    /// </summary>
    public static readonly int[][][] MaxEq1 =
    [
        [[0, 0, 0]],
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[3, 0, 0], [1, 1, 1]],
    ];

    /// <inheritdoc cref="MaxEq1"/>
    public static readonly int[][][] MaxEq2 = [[[0, 0]], [[1, 0], [0, 1]]];

    /// <inheritdoc cref="MaxEq1"/>
    public static int[][] MaxEq3Eq6(int eq3, int eq6) => (eq3, eq6) switch
    {
        (0, 0) => Max00,
        (0, _) => Max01,
        (1, 0) => Max10,
        (1, _) => Max11,
        _ => Max21,
    };

    private static readonly int[][] Max00 = [[0, 0, 0, 0, 0, 0]];
    private static readonly int[][] Max01 = [[0, 0, 1, 1, 1, 0], [0, 0, 0, 1, 1, 1]];
    private static readonly int[][] Max10 = [[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]];
    private static readonly int[][] Max11 = [[1, 0, 1, 0, 1, 0], [1, 0, 0, 0, 1, 1], [0, 1, 0, 1, 0, 1], [0, 1, 1, 1, 0, 0], [1, 1, 0, 0, 0, 1]];
    private static readonly int[][] Max21 = [[1, 1, 1, 0, 0, 0]];

    /// <inheritdoc cref="MaxEq1"/>
    public static readonly int[][][] MaxEq4 = [[[1, 0, 0]], [[1, 1, 1]], [[2, 2, 2]]];
}
