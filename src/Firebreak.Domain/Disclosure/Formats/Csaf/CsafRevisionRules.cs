using System.Text.Json;
using static Firebreak.Domain.Disclosure.Formats.CsafJsonWalk;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0 mandatory tests about versions and the revision history: 6.1.17 a draft version on a non-draft document,
/// 6.1.18 a draft revision in a released history, 6.1.19 pre-release revision numbers, 6.1.20 a pre-release version on a
/// released document, 6.1.21 a missing revision, 6.1.22 a revision number given twice, 6.1.30 integer and semantic
/// versioning mixed. Versions are integers (1) or semantic versions (1.0.0-rc.1+build).
/// </summary>
internal static class CsafRevisionRules
{
    public static void Check(JsonElement root, JsonShape shape)
    {
        var tracking = root.GetProperty("document").GetProperty("tracking");
        var status = Text(tracking, "status");
        var version = Text(tracking, "version") ?? "";
        var revisions = Items(tracking, "revision_history", "$.document.tracking").Select(r => (Number: Text(r.Item, "number") ?? "", r.Path)).ToList();
        if (status is "final" or "interim")
        {
            if (IsDraftNumber(version)) shape.Add("$.document.tracking.version", $"'{version}' is a draft version (0, 0.y.z or a pre-release) but the status is {status} (6.1.17).");
            if (Pre(version)) shape.Add("$.document.tracking.version", $"'{version}' has a pre-release part but the status is {status} (6.1.20).");
            foreach (var (number, path) in revisions.Where(r => IsZero(r.Number)))
                shape.Add(path + ".number", $"revision {number} is a draft (0 or 0.y.z) in the history of a {status} document (6.1.18).");
        }
        foreach (var (number, path) in revisions.Where(r => Pre(r.Number)))
            shape.Add(path + ".number", $"revision {number} has a pre-release part (6.1.19).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, path) in revisions)
            if (!seen.Add(Core(number))) shape.Add(path + ".number", $"revision {number} is in the history twice (6.1.22).");
        var integer = IsInteger(version);
        foreach (var (number, path) in revisions)
            if (IsInteger(number) != integer) shape.Add(path + ".number", $"revision {number} and version {version} mix integer and semantic versioning (6.1.30).");
        var wholes = revisions.Where(r => IsInteger(r.Number) == integer).Select(r => Whole(r.Number, integer)).Where(n => n >= 0).Distinct().Order().ToList();
        if (wholes.Count > 0 && wholes[0] > 1) shape.Add("$.document.tracking.revision_history", $"the history starts at {wholes[0]}, not 0 or 1 (6.1.21).");
        for (var i = 1; i < wholes.Count; i++)
            if (wholes[i] != wholes[i - 1] + 1) shape.Add("$.document.tracking.revision_history", $"{(integer ? "revision" : "major version")} {wholes[i - 1] + 1} is missing between {wholes[i - 1]} and {wholes[i]} (6.1.21).");
    }

    private static string Core(string number) => number.Split('+')[0];

    private static bool IsInteger(string number) => number.Length > 0 && number.All(char.IsAsciiDigit);

    private static bool Pre(string number) => !IsInteger(number) && Core(number).Contains('-', StringComparison.Ordinal);

    private static bool IsZero(string number) => number == "0" || (!IsInteger(number) && Core(number).Split('-')[0].Split('.')[0] == "0");

    private static bool IsDraftNumber(string number) => IsZero(number) || Pre(number);

    // The integer, or the major version (-1 when unreadable).
    private static long Whole(string number, bool integer) =>
        long.TryParse(integer ? number : number.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
}
