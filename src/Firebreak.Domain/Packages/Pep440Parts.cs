using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>The normalised components of a PEP 440 version and their ordering.</summary>
internal sealed class Pep440Parts : IComparable<Pep440Parts>
{
    public required string Epoch { get; init; }
    public required string[] Release { get; init; }   // trailing zeros removed; digits without leading zeros

    /// <summary>The release numbers as written (trailing zeros kept; "" is zero), for prefix matching and ~=.</summary>
    public string[] WrittenRelease { get; init; } = [];
    public string? PreLabel { get; init; }              // "a", "b" or "rc"
    public string PreNumber { get; init; } = "";
    public string? Post { get; init; }
    public string? Dev { get; init; }
    public string[] Local { get; init; } = [];
    public required string Normalized { get; init; }

    /// <summary>A marker above every post-release of this version (V.post∞): the cut PEP 440's exclusive &gt;V leaves behind.</summary>
    public bool PostCeiling { get; init; }

    /// <summary>A marker above every local version of this version (V+∞): the end of what ==V and &lt;=V match.</summary>
    public bool LocalCeiling { get; init; }

    /// <summary>The version in PEP 440's normal form (markers shown as ∞).</summary>
    public string ToText()
    {
        var release = WrittenRelease.Length > 0 ? WrittenRelease : Release;
        var text = (Epoch.Length > 0 ? Epoch + "!" : "") + string.Join('.', release.Select(r => r.Length == 0 ? "0" : r).DefaultIfEmpty("0"));
        if (PreLabel is not null) text += PreLabel + (PreNumber.Length == 0 ? "0" : PreNumber);
        if (PostCeiling) text += ".post\u221e";
        else if (Post is not null) text += ".post" + (Post.Length == 0 ? "0" : Post);
        if (Dev is not null) text += ".dev" + (Dev.Length == 0 ? "0" : Dev);
        if (LocalCeiling) text += "+\u221e";
        else if (Local.Length > 0) text += "+" + string.Join('.', Local.Select(l => l.Length == 0 ? "0" : l));
        return text;
    }

    /// <summary>A copy with the post, dev and local parts replaced.</summary>
    public Pep440Parts With(string? post, string? dev, string[] local, bool postCeiling = false, bool localCeiling = false) => new()
    {
        Epoch = Epoch, Release = Release, WrittenRelease = WrittenRelease, PreLabel = PreLabel, PreNumber = PreNumber, Post = post, Dev = dev, Local = local,
        PostCeiling = postCeiling, LocalCeiling = localCeiling,
        Normalized = Key(Epoch, Release, PreLabel, PreLabel is null ? "" : PreNumber, post, dev, local, postCeiling, localCeiling),
    };

    // Equal for two versions exactly when they compare equal.
    private static string Key(string epoch, string[] release, string? pre, string preNumber, string? post, string? dev, string[] local, bool postCeiling, bool localCeiling) =>
        $"{epoch}!{string.Join('.', release)}{pre}{preNumber}.post{(postCeiling ? "inf" : post)}.dev{dev}+{(localCeiling ? "inf" : string.Join('.', local))}|{post is null && !postCeiling}{dev is null}";

    public static Pep440Parts From(Match m)
    {
        static string Num(Group g) => g.Success ? NumericText.Trim(g.Value) : "";
        var release = m.Groups["release"].Value.Split('.').Select(NumericText.Trim).ToList();
        var written = release.ToArray();
        while (release.Count > 0 && release[^1].Length == 0) release.RemoveAt(release.Count - 1);
        var pre = m.Groups["prel"].Success ? m.Groups["prel"].Value.ToLowerInvariant() switch
        {
            "alpha" or "a" => "a",
            "beta" or "b" => "b",
            _ => "rc", // c, rc, pre, preview
        } : null;
        var post = m.Groups["postn1"].Success ? Num(m.Groups["postn1"])
            : m.Groups["postl"].Success ? Num(m.Groups["postn2"]) : null;
        var dev = m.Groups["devl"].Success ? Num(m.Groups["devn"]) : null;
        var local = m.Groups["local"].Success
            ? m.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.')
                .Select(s => NumericText.IsDigits(s) ? NumericText.Trim(s) : s).ToArray()
            : [];
        var normalized = Key(Num(m.Groups["epoch"]), [.. release], pre, pre is null ? "" : Num(m.Groups["pren"]), post, dev, local, false, false);
        return new Pep440Parts
        {
            Epoch = Num(m.Groups["epoch"]),
            Release = [.. release],
            WrittenRelease = written,
            PreLabel = pre,
            PreNumber = Num(m.Groups["pren"]),
            Post = post,
            Dev = dev,
            Local = local,
            Normalized = normalized,
        };
    }

    public int CompareTo(Pep440Parts? other)
    {
        if (other is null) return 1;
        var c = NumericText.Compare(Epoch, other.Epoch);
        if (c != 0) return c;
        for (var i = 0; i < Math.Max(Release.Length, other.Release.Length); i++)
        {
            c = NumericText.Compare(i < Release.Length ? Release[i] : "", i < other.Release.Length ? other.Release[i] : "");
            if (c != 0) return c;
        }
        c = PreRank().CompareTo(other.PreRank());
        if (c != 0) return c;
        if (PreLabel is not null)
        {
            c = NumericText.Compare(PreNumber, other.PreNumber);
            if (c != 0) return c;
        }
        c = PostCeiling || other.PostCeiling ? PostCeiling.CompareTo(other.PostCeiling) : CompareOptional(Post, other.Post, absentFirst: true);
        if (c != 0) return c;
        c = CompareOptional(Dev, other.Dev, absentFirst: false);
        if (c != 0) return c;
        return LocalCeiling || other.LocalCeiling ? LocalCeiling.CompareTo(other.LocalCeiling) : CompareLocal(Local, other.Local);
    }

    // A dev release of the final version (1.0.dev1, no pre or post) sorts before its prereleases.
    private int PreRank() => PreLabel switch
    {
        null when Post is null && !PostCeiling && Dev is not null => 0,
        "a" => 1,
        "b" => 2,
        "rc" => 3,
        _ => 4,
    };

    private static int CompareOptional(string? a, string? b, bool absentFirst)
    {
        if (a is null || b is null)
        {
            if (a is null && b is null) return 0;
            return (a is null) == absentFirst ? -1 : 1;
        }
        return NumericText.Compare(a, b);
    }

    // Local segments: numeric ones compare numerically and sort after alphanumeric ones; a longer
    // label sorts after its prefix; no label sorts first.
    private static int CompareLocal(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool an = a[i].Length == 0 || NumericText.IsDigits(a[i]), bn = b[i].Length == 0 || NumericText.IsDigits(b[i]);
            var c = an && bn ? NumericText.Compare(a[i], b[i])
                : an != bn ? (an ? 1 : -1)
                : Math.Sign(string.CompareOrdinal(a[i], b[i]));
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
