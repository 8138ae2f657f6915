namespace Firebreak.Domain.Packages;

/// <summary>
/// node-semver's rewriting of carets, tildes, x-ranges and hyphen ranges into primitive comparators, in its default
/// mode and with <c>includePrerelease</c> (which lowers some bounds to -0), exactly as node-semver's Range does it.
/// An op of "" with a null version is the comparator that admits everything.
/// </summary>
internal static class NpmDesugar
{
    public static readonly (string Op, SemanticVersion? V) Any = ("", null);
    public static readonly (string Op, SemanticVersion? V) Nothing = ("<", NpmPartial.Make("0", "0", "0", "-0"));

    public static List<(string Op, SemanticVersion? V)> Caret(NpmPartial p, bool incl)
    {
        var z = incl ? "-0" : "";
        var (M, m, pp, pr) = (p.Major, p.Minor, p.Patch, p.Prerelease);
        if (M is null) return [Any];
        if (m is null) return [(">=", V(M, "0", "0", z)), ("<", V(NpmPartial.Next(M), "0", "0", "-0"))];
        if (pp is null)
            return M == "0" ? [(">=", V(M, m, "0", z)), ("<", V(M, NpmPartial.Next(m), "0", "-0"))] : [(">=", V(M, m, "0", z)), ("<", V(NpmPartial.Next(M), "0", "0", "-0"))];
        var low = V(M, m, pp, pr is null ? "" : "-" + pr);
        var high = M != "0" ? V(NpmPartial.Next(M), "0", "0", "-0") : m != "0" ? V(M, NpmPartial.Next(m), "0", "-0") : V(M, m, NpmPartial.Next(pp), "-0");
        return [(">=", low), ("<", high)];
    }

    public static List<(string Op, SemanticVersion? V)> Tilde(NpmPartial p, bool incl)
    {
        var z = incl ? "-0" : "";
        var (M, m, pp, pr) = (p.Major, p.Minor, p.Patch, p.Prerelease);
        if (M is null) return [Any];
        if (m is null) return [(">=", V(M, "0", "0", z)), ("<", V(NpmPartial.Next(M), "0", "0", "-0"))];
        if (pp is null) return [(">=", V(M, m, "0", z)), ("<", V(M, NpmPartial.Next(m), "0", "-0"))];
        return [(">=", V(M, m, pp, pr is null ? "" : "-" + pr)), ("<", V(M, NpmPartial.Next(m), "0", "-0"))];
    }

    public static List<(string Op, SemanticVersion? V)> XRange(string gtlt, NpmPartial p, bool incl)
    {
        var (M, m, pp) = (p.Major, p.Minor, p.Patch);
        bool xM = M is null, xm = xM || m is null, xp = xm || pp is null;
        if (gtlt == "=" && xp) gtlt = "";
        var pr = incl ? "-0" : "";
        if (xM) return gtlt is ">" or "<" ? [Nothing] : [Any];
        if (gtlt.Length > 0 && xp)
        {
            string major = M!, minor = xm ? "0" : m!, patch = "0";
            if (gtlt == ">")
            {
                gtlt = ">=";
                if (xm) major = NpmPartial.Next(major);
                else minor = NpmPartial.Next(minor);
            }
            else if (gtlt == "<=")
            {
                gtlt = "<";
                if (xm) major = NpmPartial.Next(major);
                else minor = NpmPartial.Next(minor);
            }
            if (gtlt == "<") pr = "-0";
            return [(gtlt, V(major, minor, patch, pr))];
        }
        if (xm) return [(">=", V(M!, "0", "0", pr)), ("<", V(NpmPartial.Next(M!), "0", "0", "-0"))];
        if (xp) return [(">=", V(M!, m!, "0", pr)), ("<", V(M!, NpmPartial.Next(m!), "0", "-0"))];
        return [(gtlt.Length == 0 ? "=" : gtlt, p.Version)];
    }

    public static List<(string Op, SemanticVersion? V)> Hyphen(NpmPartial from, NpmPartial to, bool incl)
    {
        var z = incl ? "-0" : "";
        var result = new List<(string, SemanticVersion?)>();
        if (from.Major is not null)
        {
            result.Add((">=", from.Minor is null ? V(from.Major, "0", "0", z) : from.Patch is null ? V(from.Major, from.Minor, "0", z)
                : from.Prerelease is not null ? from.Version : V(from.Major, from.Minor, from.Patch, z)));
        }
        if (to.Major is not null)
        {
            result.Add(to.Minor is null ? ("<", V(NpmPartial.Next(to.Major), "0", "0", "-0"))
                : to.Patch is null ? ("<", V(to.Major, NpmPartial.Next(to.Minor), "0", "-0"))
                : to.Prerelease is not null ? ("<=", to.Version)
                : incl ? ("<", V(to.Major, to.Minor, NpmPartial.Next(to.Patch), "-0"))
                : ("<=", to.Version));
        }
        return result.Count == 0 ? [Any] : result;
    }

    /// <summary>node-semver's replaceGTE0: &gt;=0.0.0 (&gt;=0.0.0-0 with includePrerelease) admits everything.</summary>
    public static (string Op, SemanticVersion? V) Gte0((string Op, SemanticVersion? V) c, bool incl) =>
        c is (">=", { } v) && v.Core.All(n => n.Length == 0) && (incl ? v.Prerelease is ["0"] : !v.IsPrerelease) ? Any : c;

    private static SemanticVersion V(string major, string minor, string patch, string suffix = "") => NpmPartial.Make(major, minor, patch, suffix);
}
