using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Reads a vers string (<c>vers:generic/&gt;=2.9|&lt;=4.1</c>) back into an OSV range, the inverse of
/// <see cref="CsafProductTree.Vers"/>: <c>&gt;=</c> is introduced, <c>&lt;</c> fixed, <c>&lt;=</c> last_affected,
/// <c>*</c> every version. Null when the text is not vers or uses what the model cannot hold (<c>&gt;</c>, <c>=</c>, <c>!=</c>).
/// </summary>
internal static class VersRange
{
    public static AffectedRange? Parse(string text)
    {
        if (!text.StartsWith("vers:", StringComparison.Ordinal)) return null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return null;
        var type = text[5..slash] == "semver" ? AffectedRangeType.Semver : AffectedRangeType.Ecosystem;
        var body = text[(slash + 1)..].Trim();
        var events = new List<RangeEvent>();
        if (body != "*")
        {
            foreach (var constraint in body.Split('|', StringSplitOptions.TrimEntries))
            {
                var (kind, length) = constraint.StartsWith(">=", StringComparison.Ordinal) ? (RangeEventKind.Introduced, 2)
                    : constraint.StartsWith("<=", StringComparison.Ordinal) ? (RangeEventKind.LastAffected, 2)
                    : constraint.StartsWith('<') ? (RangeEventKind.Fixed, 1)
                    : (RangeEventKind.Limit, 0);
                var version = Uri.UnescapeDataString(constraint[length..]).Trim();
                if (kind == RangeEventKind.Limit || version.Length == 0) return null;
                events.Add(new RangeEvent(kind, version));
            }
        }
        // The exporter leaves out introduced "0" (no lower bound); a range starting at an upper bound begins there.
        if (events.Count == 0 || events[0].Kind != RangeEventKind.Introduced) events.Insert(0, new RangeEvent(RangeEventKind.Introduced, "0"));
        try
        {
            return AffectedProduct.CheckRange(new AffectedRange(type, events), "range");
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
