using System.Globalization;
using System.Text;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Where the OSV reader is inside a document, kept as numbers so the happy path builds no strings; the
/// JSON path (<c>$[3].affected[1].ranges[0]</c>) is written only when an error is thrown.
/// </summary>
/// <param name="Root"><c>$</c> or <c>$.vulns</c>.</param>
/// <param name="Record">The record's index in the root array, or -1 when the root is the record.</param>
/// <param name="Child">The record's list being read (<c>affected</c>, <c>severity</c>, <c>references</c>), or null.</param>
/// <param name="ChildIndex">The element of <paramref name="Child"/>.</param>
/// <param name="Range">The element of <c>affected[ChildIndex].ranges</c>, or -1.</param>
internal readonly record struct OsvPath(string Root, int Record = -1, string? Child = null, int ChildIndex = -1, int Range = -1)
{
    public OsvPath In(string child, int index) => this with { Child = child, ChildIndex = index };

    public OsvPath AtRange(int index) => this with { Range = index };

    /// <summary>The error for this place plus <paramref name="rest"/> (e.g. <c>.package.name: expected a string.</c>).</summary>
    public AdvisoryFormatException Error(string source, string rest) => new(source, 0, ToString() + rest);

    /// <summary>The error for a property of this place: <c>{path}{prefix}.{name}: {problem}</c>.</summary>
    public AdvisoryFormatException Error(string source, string prefix, ReadOnlySpan<byte> name, string problem) =>
        Error(source, $"{prefix}.{Encoding.UTF8.GetString(name)}: {problem}");

    public override string ToString()
    {
        var text = new StringBuilder(Root);
        if (Record >= 0) text.Append(CultureInfo.InvariantCulture, $"[{Record}]");
        if (Child is not null) text.Append(CultureInfo.InvariantCulture, $".{Child}[{ChildIndex}]");
        if (Range >= 0) text.Append(CultureInfo.InvariantCulture, $".ranges[{Range}]");
        return text.ToString();
    }
}
