using Firebreak.Web.Features.Disclosure.Editor;

namespace Firebreak.Web.Tests.Disclosure;

/// <summary>The review page's word-level difference.</summary>
public sealed class WordDiffTests
{
    private static string Show(string a, string b) => string.Concat(WordDiff.Compare(a, b).Select(p => p.Kind switch
    {
        DiffKind.Inserted => $"[+{p.Text}]",
        DiffKind.Deleted => $"[-{p.Text}]",
        _ => p.Text,
    }));

    [Fact]
    public void EqualTexts_AreOnePiece() =>
        Assert.Equal([new DiffPiece(DiffKind.Same, "the key stays")], WordDiff.Compare("the key stays", "the key stays"));

    [Fact]
    public void AReplacedWord_IsDeletedThenInserted() =>
        Assert.Equal("the key [-stays ][+leaves ]on disk", Show("the key stays on disk", "the key leaves on disk"));

    [Fact]
    public void InsertionsAndDeletions_AreWholeWords_NotLetters() =>
        Assert.Equal("Upgrade to [-version ][+release ]now[+, and wipe again]", Show("Upgrade to version now", "Upgrade to release now, and wipe again"));

    [Fact]
    public void EmptySides_AreAllInsertedOrAllDeleted()
    {
        Assert.Equal("[+new text]", Show("", "new text"));
        Assert.Equal("[-old text]", Show("old text", ""));
        Assert.Empty(WordDiff.Compare(null, null));
    }

    [Fact]
    public void TheLongestCommonSequence_IsKept() =>
        Assert.Equal("a [-b ]c d [+b ]e", Show("a b c d e", "a c d b e"));

    [Fact]
    public void Tokens_SplitWordsSpacesAndPunctuation() =>
        Assert.Equal(["key", ".", "bin ", "`", "x", "`\n\n", "é1"], WordDiff.Tokens("key.bin `x`\n\né1"));

    [Fact]
    public void DiffPieces_RebuildBothTexts()
    {
        var a = "After a panic wipe `key.bin` stays in ~/.vault; see CVE-2026-1.";
        var b = "After a wipe, key.bin stays in ~/.vault until 0.4.2; see CVE-2026-1 and GHSA-x.";
        var pieces = WordDiff.Compare(a, b);
        Assert.Equal(a, string.Concat(pieces.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(b, string.Concat(pieces.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
    }

    [Fact]
    public void HugeRewrites_StayBounded_AndStillRebuildBothTexts()
    {
        var a = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}"));
        var b = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"v{i}"));
        var pieces = WordDiff.Compare(a, b);
        Assert.Equal(a, string.Concat(pieces.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(b, string.Concat(pieces.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
    }
}
