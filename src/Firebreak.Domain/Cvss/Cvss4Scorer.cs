namespace Firebreak.Domain.Cvss;

/// <summary>
/// CVSS v4.0 scoring: the macrovector (EQ1–EQ6) of the effective metric values, its score from
/// the lookup table, minus the mean proportional severity distance to the next lower
/// macrovectors, rounded half up to one decimal. Effective values: a modified metric replaces its
/// base metric; E defaults to Attacked and CR/IR/AR to High when Not Defined.
/// </summary>
internal static class Cvss4Scorer
{
    // Catalog positions (CvssCatalog.V4).
    private const int AV = 0, AC = 1, AT = 2, PR = 3, UI = 4, VC = 5, VI = 6, VA = 7, SC = 8, SI = 9, SA = 10, E = 11, CR = 12, IR = 13, AR = 14;
    private const int MAV = 15, MSC = 23, MSI = 24, MSA = 25;

    /// <summary>Tolerance for binary floating point before rounding half up.</summary>
    private const double Epsilon = 1e-6;

    /// <summary>"000000" … "212221", indexed like the lookup table, so scoring allocates no string for them.</summary>
    private static readonly string[] MacroVectorNames =
        [.. from e1 in "012" from e2 in "01" from e3 in "012" from e4 in "012" from e5 in "012" from e6 in "01" select $"{e1}{e2}{e3}{e4}{e5}{e6}"];

    public static double Score(CvssVector v, out string macroVector)
    {
        // Severity levels, in steps of 0.1 (0 = most severe).
        int av = Modified(v, AV), ac = Modified(v, AC), at = Modified(v, AT), pr = Modified(v, PR), ui = Modified(v, UI);
        int vc = Modified(v, VC), vi = Modified(v, VI), va = Modified(v, VA);
        var sc = (v.ValueIndex(MSC) > 0 ? v.ValueIndex(MSC) - 1 : v.ValueIndex(SC)) + 1;
        int si = Subsequent(v, SI, MSI), sa = Subsequent(v, SA, MSA);
        int cr = Requirement(v, CR), ir = Requirement(v, IR), ar = Requirement(v, AR);
        var e = Math.Max(v.ValueIndex(E) - 1, 0);

        bool avN = av == 0, prN = pr == 0, uiN = ui == 0;
        var eq1 = avN && prN && uiN ? 0 : (avN || prN || uiN) && av != 3 ? 1 : 2;
        var eq2 = ac == 0 && at == 0 ? 0 : 1;
        bool vcH = vc == 0, viH = vi == 0, vaH = va == 0;
        var eq3 = vcH && viH ? 0 : vcH || viH || vaH ? 1 : 2;
        var safety = v.ValueIndex(MSI) == 1 || v.ValueIndex(MSA) == 1;
        var eq4 = safety ? 0 : sc == 1 || si == 1 || sa == 1 ? 1 : 2;
        var eq5 = e;
        var eq6 = (cr == 0 && vcH) || (ir == 0 && viH) || (ar == 0 && vaH) ? 0 : 1;
        macroVector = MacroVectorNames[((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6];

        if (vc == 2 && vi == 2 && va == 2 && sc == 3 && si == 3 && sa == 3) return 0.0;

        var value = Cvss4Lookup.Score(eq1, eq2, eq3, eq4, eq5, eq6);
        var lower1 = Cvss4Lookup.Score(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lower2 = Cvss4Lookup.Score(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        var lower36 = (eq3, eq6) switch
        {
            (0, 0) => Math.Max(Cvss4Lookup.Score(eq1, eq2, eq3, eq4, eq5, eq6 + 1), Cvss4Lookup.Score(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            (1, 0) => Cvss4Lookup.Score(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0 or 1, 1) => Cvss4Lookup.Score(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => double.NaN,
        };
        var lower4 = Cvss4Lookup.Score(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lower5 = Cvss4Lookup.Score(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        Span<int> levels = [av, pr, ui, ac, at, vc, vi, va, cr, ir, ar, sc, si, sa];
        Span<int> distance = stackalloc int[14];
        FindMaxDistances(levels, distance, eq1, eq2, eq3, eq4, eq6);
        var d1 = distance[0] + distance[1] + distance[2];
        var d2 = distance[3] + distance[4];
        var d36 = distance[5] + distance[6] + distance[7] + distance[8] + distance[9] + distance[10];
        var d4 = distance[11] + distance[12] + distance[13];

        var existing = 0;
        var total = 0.0;
        Add(value - lower1, d1, Cvss4Lookup.MaxSeverityEq1(eq1), ref existing, ref total);
        Add(value - lower2, d2, Cvss4Lookup.MaxSeverityEq2(eq2), ref existing, ref total);
        Add(value - lower36, d36, Cvss4Lookup.MaxSeverityEq3Eq6(eq3, eq6), ref existing, ref total);
        Add(value - lower4, d4, Cvss4Lookup.MaxSeverityEq4(eq4), ref existing, ref total);
        Add(value - lower5, 0, 1, ref existing, ref total); // EQ5 has no depth: it counts, adds nothing
        if (existing > 0) value -= total / existing;
        value = Math.Clamp(value, 0.0, 10.0);
        return Math.Floor(value * 10 + 0.5 + Epsilon) / 10;
    }

    private static void Add(double available, int distance, int depth, ref int existing, ref double total)
    {
        if (double.IsNaN(available)) return;
        existing++;
        total += available * distance / depth;
    }

    private static void FindMaxDistances(ReadOnlySpan<int> levels, Span<int> distance, int eq1, int eq2, int eq3, int eq4, int eq6)
    {
        var max36 = Cvss4Lookup.MaxEq3Eq6(eq3, eq6);
        foreach (var m1 in Cvss4Lookup.MaxEq1[eq1])
        foreach (var m2 in Cvss4Lookup.MaxEq2[eq2])
        foreach (var m36 in max36)
        foreach (var m4 in Cvss4Lookup.MaxEq4[eq4])
        {
            var ok = true;
            for (var i = 0; i < 14; i++)
            {
                var max = i switch { < 3 => m1[i], < 5 => m2[i - 3], < 11 => m36[i - 5], _ => m4[i - 11] };
                distance[i] = levels[i] - max;
                if (distance[i] < 0) ok = false;
            }
            if (ok) return; // the first max vector not below the scored one; else the last tried stays
        }
    }

    private static int Modified(CvssVector v, int baseIndex)
    {
        var modified = v.ValueIndex(MAV + baseIndex); // MAV..MVA follow AV..VA in the same order, after E, CR, IR, AR
        return modified > 0 ? modified - 1 : v.ValueIndex(baseIndex);
    }

    private static int Subsequent(CvssVector v, int baseIndex, int modifiedIndex)
    {
        var modified = v.ValueIndex(modifiedIndex);
        return modified > 0 ? modified - 1 : v.ValueIndex(baseIndex) + 1;
    }

    private static int Requirement(CvssVector v, int index)
    {
        var value = v.ValueIndex(index);
        return value <= 0 ? 0 : value - 1;
    }
}
