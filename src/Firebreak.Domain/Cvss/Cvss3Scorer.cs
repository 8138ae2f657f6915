namespace Firebreak.Domain.Cvss;

/// <summary>
/// CVSS v3.0 and v3.1 base, temporal and environmental equations. v3.1 rounds up with the
/// integer-based Roundup of its Appendix A; v3.0 rounds up to one decimal directly, and its
/// modified impact for a changed scope uses the v3.0 constants.
/// </summary>
internal static class Cvss3Scorer
{
    // Catalog positions (CvssCatalog.V3).
    private const int AV = 0, AC = 1, PR = 2, UI = 3, S = 4, C = 5, I = 6, A = 7, E = 8, RL = 9, RC = 10, CR = 11, IR = 12, AR = 13;
    private const int MAV = 14, MAC = 15, MPR = 16, MUI = 17, MS = 18, MC = 19, MI = 20, MA = 21;

    private static readonly double[] AttackVector = [0.85, 0.62, 0.55, 0.2];
    private static readonly double[] AttackComplexity = [0.77, 0.44];
    private static readonly double[] PrivilegesUnchanged = [0.85, 0.62, 0.27];
    private static readonly double[] PrivilegesChanged = [0.85, 0.68, 0.5];
    private static readonly double[] UserInteraction = [0.85, 0.62];
    private static readonly double[] Impact = [0.56, 0.22, 0];
    private static readonly double[] ExploitMaturity = [1, 1, 0.97, 0.94, 0.91];
    private static readonly double[] RemediationLevel = [1, 1, 0.97, 0.96, 0.95];
    private static readonly double[] ReportConfidence = [1, 1, 0.96, 0.92];
    private static readonly double[] Requirement = [1, 1.5, 1, 0.5];

    public static (double Base, double Temporal, double Environmental) Score(CvssVector v)
    {
        var v30 = v.Version == CvssVersion.V30;
        var changed = v.ValueIndex(S) == 1;
        var iss = 1 - ((1 - Impact[v.ValueIndex(C)]) * (1 - Impact[v.ValueIndex(I)]) * (1 - Impact[v.ValueIndex(A)]));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * AttackVector[v.ValueIndex(AV)] * AttackComplexity[v.ValueIndex(AC)]
            * (changed ? PrivilegesChanged : PrivilegesUnchanged)[v.ValueIndex(PR)] * UserInteraction[v.ValueIndex(UI)];
        var baseScore = impact <= 0 ? 0 : Roundup(Math.Min((changed ? 1.08 : 1) * (impact + exploitability), 10), v30);

        var temporalFactor = ExploitMaturity[Opt(v, E)] * RemediationLevel[Opt(v, RL)] * ReportConfidence[Opt(v, RC)];
        var temporal = Roundup(baseScore * temporalFactor, v30);

        var mChanged = v.ValueIndex(MS) > 0 ? v.ValueIndex(MS) == 2 : changed;
        var miss = Math.Min(1 - ((1 - (Requirement[Opt(v, CR)] * Impact[Mod(v, MC, C)]))
                               * (1 - (Requirement[Opt(v, IR)] * Impact[Mod(v, MI, I)]))
                               * (1 - (Requirement[Opt(v, AR)] * Impact[Mod(v, MA, A)]))), 0.915);
        var mImpact = !mChanged ? 6.42 * miss
            : v30 ? (7.52 * (miss - 0.029)) - (3.25 * Math.Pow(miss - 0.02, 15))
            : (7.52 * (miss - 0.029)) - (3.25 * Math.Pow((miss * 0.9731) - 0.02, 13));
        var mExploitability = 8.22 * AttackVector[Mod(v, MAV, AV)] * AttackComplexity[Mod(v, MAC, AC)]
            * (mChanged ? PrivilegesChanged : PrivilegesUnchanged)[Mod(v, MPR, PR)] * UserInteraction[Mod(v, MUI, UI)];
        var environmental = mImpact <= 0 ? 0
            : Roundup(Roundup(Math.Min((mChanged ? 1.08 : 1) * (mImpact + mExploitability), 10), v30) * temporalFactor, v30);
        return (baseScore, temporal, environmental);
    }

    /// <summary>Value index of an optional metric; Not Defined (absent or X) is index 0, weight 1.</summary>
    private static int Opt(CvssVector v, int index) => Math.Max(v.ValueIndex(index), 0);

    /// <summary>The base metric's value index, or the modified metric's when it is defined (its values follow X).</summary>
    private static int Mod(CvssVector v, int modified, int baseIndex) =>
        v.ValueIndex(modified) > 0 ? v.ValueIndex(modified) - 1 : v.ValueIndex(baseIndex);

    /// <summary>v3.1 Appendix A: round up to one decimal, free of binary floating-point error; v3.0: plain ceiling.</summary>
    internal static double Roundup(double value, bool v30)
    {
        if (v30) return Math.Ceiling(value * 10) / 10;
        var integer = (long)Math.Round(value * 100_000);
        return integer % 10_000 == 0 ? integer / 100_000.0 : (Math.Floor(integer / 10_000.0) + 1) / 10.0;
    }
}
