namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>What one walk saw: figures for the record, and every address that answered what it must not.</summary>
internal sealed class WalkReport
{
    public int Pages => Read.Count;

    /// <summary>The HTML pages read, in the order the walk reached them (path and query).</summary>
    public List<string> Read { get; } = [];
    public HashSet<string> Links { get; } = [];
    public HashSet<string> Assets { get; } = [];
    public HashSet<string> Forms { get; } = [];
    public HashSet<string> Submitted { get; } = [];
    public HashSet<string> ShownButRefused { get; } = [];
    public List<string> Problems { get; } = [];

    public string Figures(string walker) =>
        $"{walker}: {Pages} pages, {Links.Count} links, {Assets.Count} assets, {Forms.Count} form actions ({Submitted.Count} submitted), " +
        $"{ShownButRefused.Count} shown that the role table refuses" + (ShownButRefused.Count > 0 ? $" [{string.Join(", ", ShownButRefused.Order(StringComparer.Ordinal))}]" : "");
}
