using System.Text.Json;
using System.Text.RegularExpressions;
using Firebreak.Domain.Cvss;
using static Firebreak.Domain.Disclosure.Formats.CsafJsonWalk;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0 mandatory tests about scores: 6.1.7 one score per CVSS version and product, 6.1.8 a valid CVSS object
/// (the CVSS JSON schemas' members and values), 6.1.9 the scores and severities the vector computes to (v3.x), and
/// 6.1.10 metric members that agree with the vector.
/// </summary>
internal static partial class CsafCvssRules
{
    private static readonly (string Letter, string Value)[] Cia = [("N", "NONE"), ("L", "LOW"), ("H", "HIGH")];
    private static readonly (string Letter, string Value)[] ModifiedCia = [("X", "NOT_DEFINED"), ("N", "NONE"), ("L", "LOW"), ("H", "HIGH")];
    private static readonly (string Letter, string Value)[] Requirement = [("X", "NOT_DEFINED"), ("L", "LOW"), ("M", "MEDIUM"), ("H", "HIGH")];

    // CVSS v3 JSON member, vector metric, and the JSON value of each vector value (declared after what it uses).
    private static readonly (string Member, string Metric, (string Letter, string Value)[] Values)[] V3 =
    [
        ("attackVector", "AV", [("N", "NETWORK"), ("A", "ADJACENT_NETWORK"), ("L", "LOCAL"), ("P", "PHYSICAL")]),
        ("attackComplexity", "AC", [("L", "LOW"), ("H", "HIGH")]),
        ("privilegesRequired", "PR", [("N", "NONE"), ("L", "LOW"), ("H", "HIGH")]),
        ("userInteraction", "UI", [("N", "NONE"), ("R", "REQUIRED")]),
        ("scope", "S", [("U", "UNCHANGED"), ("C", "CHANGED")]),
        ("confidentialityImpact", "C", Cia), ("integrityImpact", "I", Cia), ("availabilityImpact", "A", Cia),
        ("exploitCodeMaturity", "E", [("X", "NOT_DEFINED"), ("U", "UNPROVEN"), ("P", "PROOF_OF_CONCEPT"), ("F", "FUNCTIONAL"), ("H", "HIGH")]),
        ("remediationLevel", "RL", [("X", "NOT_DEFINED"), ("O", "OFFICIAL_FIX"), ("T", "TEMPORARY_FIX"), ("W", "WORKAROUND"), ("U", "UNAVAILABLE")]),
        ("reportConfidence", "RC", [("X", "NOT_DEFINED"), ("U", "UNKNOWN"), ("R", "REASONABLE"), ("C", "CONFIRMED")]),
        ("confidentialityRequirement", "CR", Requirement), ("integrityRequirement", "IR", Requirement), ("availabilityRequirement", "AR", Requirement),
        ("modifiedAttackVector", "MAV", [("X", "NOT_DEFINED"), ("N", "NETWORK"), ("A", "ADJACENT_NETWORK"), ("L", "LOCAL"), ("P", "PHYSICAL")]),
        ("modifiedAttackComplexity", "MAC", [("X", "NOT_DEFINED"), ("L", "LOW"), ("H", "HIGH")]),
        ("modifiedPrivilegesRequired", "MPR", [("X", "NOT_DEFINED"), ("N", "NONE"), ("L", "LOW"), ("H", "HIGH")]),
        ("modifiedUserInteraction", "MUI", [("X", "NOT_DEFINED"), ("N", "NONE"), ("R", "REQUIRED")]),
        ("modifiedScope", "MS", [("X", "NOT_DEFINED"), ("U", "UNCHANGED"), ("C", "CHANGED")]),
        ("modifiedConfidentialityImpact", "MC", ModifiedCia), ("modifiedIntegrityImpact", "MI", ModifiedCia), ("modifiedAvailabilityImpact", "MA", ModifiedCia),
    ];

    private static readonly string[] Severities = ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

    public static void Check(JsonElement root, JsonShape shape)
    {
        foreach (var (v, vp) in Vulnerabilities(root))
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (score, sp) in Items(v, "scores", vp))
            {
                var versions = new List<string>();
                if (Member(score, "cvss_v2") is { ValueKind: JsonValueKind.Object } v2) { versions.Add("2.0"); V2(v2, sp + ".cvss_v2", shape); }
                if (Member(score, "cvss_v3") is { ValueKind: JsonValueKind.Object } v3 && Text(v3, "version") is { } version) { versions.Add(version); V3Object(v3, sp + ".cvss_v3", shape); }
                foreach (var (product, pp) in Strings(score, "products", sp))
                    foreach (var cvssVersion in versions)
                        if (!seen.Add((product, cvssVersion))) shape.Add(pp, $"product '{product}' has a second CVSS {cvssVersion} score in this vulnerability (6.1.7).");
            }
        }
    }

    private static void V2(JsonElement cvss, string path, JsonShape shape)
    {
        if (Text(cvss, "version") != "2.0") shape.Add(path + ".version", "a cvss_v2 object has version \"2.0\" (6.1.8).");
        if (Text(cvss, "vectorString") is not { } vector || !V2Pattern().IsMatch(vector)) shape.Add(path + ".vectorString", "not a CVSS v2 vector (6.1.8).");
        if (Member(cvss, "baseScore") is not { ValueKind: JsonValueKind.Number } b || b.GetDouble() is < 0 or > 10) shape.Add(path + ".baseScore", "a number from 0 to 10 is required (6.1.8).");
    }

    private static void V3Object(JsonElement cvss, string path, JsonShape shape)
    {
        foreach (var (member, _, values) in V3)
            if (Member(cvss, member) is { } value && (value.ValueKind != JsonValueKind.String || !values.Any(x => x.Value == value.GetString())))
                shape.Add($"{path}.{member}", $"not one of {string.Join(", ", values.Select(x => x.Value))} (6.1.8).");
        foreach (var member in new[] { "baseSeverity", "temporalSeverity", "environmentalSeverity" })
            if (Member(cvss, member) is { } value && (value.ValueKind != JsonValueKind.String || !Severities.Contains(value.GetString())))
                shape.Add($"{path}.{member}", $"not one of {string.Join(", ", Severities)} (6.1.8).");
        if (Text(cvss, "vectorString") is not { } vector) return;
        var result = CvssScorer.Score(vector, strict: true);
        if (!result.IsValid || result.Vector!.Version == CvssVersion.V40) return; // the schema checks report a bad vector
        var v = result.Vector;
        foreach (var (member, metric, values) in V3)
        {
            var letter = v[metric] ?? "X";
            var expected = values.FirstOrDefault(x => x.Letter == letter).Value ?? "NOT_DEFINED";
            if (Text(cvss, member) is { } given && given != expected) shape.Add($"{path}.{member}", $"'{given}' contradicts the vector's {metric}:{letter} ({expected}) (6.1.10).");
        }
        Computed(cvss, path, "baseScore", "baseSeverity", result.BaseScore, shape);
        Computed(cvss, path, "temporalScore", "temporalSeverity", TemporalOrBase(result), shape);
        Computed(cvss, path, "environmentalScore", "environmentalSeverity", EnvironmentalOrTemporal(result), shape);
    }

    // A score member given for a group the vector leaves out still has a value: the group's metrics are all Not Defined.
    private static double? TemporalOrBase(CvssScoreResult r) => r.TemporalScore ?? (r.Vector is { } v ? Rescore(v, withTemporal: true) : null);

    private static double? EnvironmentalOrTemporal(CvssScoreResult r) => r.EnvironmentalScore ?? (r.Vector is { } v ? Rescore(v, withTemporal: false) : null);

    private static double? Rescore(CvssVector v, bool withTemporal) =>
        CvssScorer.Score(v.ToString() + (withTemporal ? "/E:X" : "/CR:X")).Score;

    private static void Computed(JsonElement cvss, string path, string scoreMember, string severityMember, double? expected, JsonShape shape)
    {
        if (expected is not { } value) return;
        if (Member(cvss, scoreMember) is { ValueKind: JsonValueKind.Number } given && Math.Abs(given.GetDouble() - value) > 0.0001)
            shape.Add($"{path}.{scoreMember}", $"{given.GetDouble():0.0} differs from the {value:0.0} the vector computes to (6.1.9).");
        var severity = CvssSeverities.Of(value).ToString().ToUpperInvariant();
        if (Text(cvss, severityMember) is { } named && named != severity)
            shape.Add($"{path}.{severityMember}", $"'{named}' differs from {severity}, the severity of {value:0.0} (6.1.9).");
    }

    [GeneratedRegex(@"^((AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))/)*(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))$")]
    private static partial Regex V2Pattern();
}
