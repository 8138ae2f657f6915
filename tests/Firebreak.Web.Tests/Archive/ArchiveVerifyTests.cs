using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Archive;

/// <summary>
/// `archive verify` against changed archives (the check is offline, so one database suffices): any byte of any file,
/// an audit record or a timeline entry removed (also when the attacker fixes the manifest), a file added or removed,
/// and hostile ZIPs (paths that escape, duplicates, bombs, lies about sizes, damaged bytes) each named in one line.
/// </summary>
public sealed class ArchiveVerifyTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<byte[]> ArchiveAsync(string? project = null)
    {
        var r = await ArchiveApiTests.RecordAsync(factory);
        return await ArchiveApiTests.DownloadAsync(r.Admin, project is null ? $"/api/v1/incidents/{r.Incident}/archive" : $"/api/v1/projects/{r.Slug}/archive");
    }

    private static void AssertNamed(byte[] zip, string path, string? says = null)
    {
        var verdict = ZipFiles.Verify(zip);
        Assert.False(verdict.Intact, $"{path}: the change was not found");
        Assert.All(verdict.Problems, p => Assert.DoesNotContain('\n', p));
        Assert.True(verdict.Problems.Any(p => p.Contains(path, StringComparison.Ordinal) && (says is null || p.Contains(says, StringComparison.Ordinal))),
            $"no problem names {path}{(says is null ? "" : $" saying '{says}'")}:\n" + string.Join("\n", verdict.Problems));
    }

    [Fact]
    public async Task Verify_NamesTheFile_WhenAnyByteOfAnyFileChanges()
    {
        var files = ZipFiles.Read(await ArchiveAsync());
        Assert.True(ZipFiles.Verify(ZipFiles.Write(files)).Intact);
        var tried = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var length = files[i].Content.Length;
            foreach (var position in new[] { 0, length / 3, length / 2, length - 1 }.Where(p => p >= 0 && p < length).Distinct())
            {
                var changed = files.Select(f => (f.Path, (byte[])f.Content.Clone())).ToList();
                changed[i].Item2[position] ^= 0x01;
                AssertNamed(ZipFiles.Write(changed), files[i].Path);
                tried++;
            }
        }
        Assert.True(tried > 60, $"only {tried} changes tried");
    }

    [Fact]
    public async Task Verify_NamesTheFile_WhenAByteOfAProjectArchiveChanges()
    {
        var files = ZipFiles.Read(await ArchiveAsync(project: "yes"));
        Assert.True(ZipFiles.Verify(ZipFiles.Write(files)).Intact);
        for (var i = 0; i < files.Count; i++)
        {
            var changed = files.Select(f => (f.Path, (byte[])f.Content.Clone())).ToList();
            changed[i].Item2[^1] ^= 0x20;
            AssertNamed(ZipFiles.Write(changed), files[i].Path);
        }
    }

    /// <summary>Replaces one file and fixes its line in the manifest, as someone covering their tracks would (the signature they cannot fix).</summary>
    private static byte[] Replace(List<(string Path, byte[] Content)> files, string path, byte[] content)
    {
        var manifest = JsonNode.Parse(files.Text("manifest.json"))!;
        var line = manifest["files"]!.AsArray().Single(f => (string)f!["path"]! == path)!;
        line["size"] = content.Length;
        line["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content));
        var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return ZipFiles.Write(files.Select(f => f.Path == path ? (f.Path, content) : f.Path == "manifest.json" ? (f.Path, manifestBytes) : f));
    }

    [Fact]
    public async Task Verify_NamesTheRecord_WhenAnAuditRecordOrTimelineEntryIsRemoved()
    {
        var files = ZipFiles.Read(await ArchiveAsync());
        var excerpt = JsonNode.Parse(files.Text("audit/records.json"))!;
        var records = excerpt["records"]!.AsArray();
        var full = records.Where(x => x!["action"] is not null).ToList();
        var middle = full[full.Count / 2]!;
        var sequence = (long)middle["sequence"]!;

        records.Remove(middle);
        var cut = Encoding.UTF8.GetBytes(excerpt.ToJsonString());
        AssertNamed(Replace(files, "audit/records.json", cut), "audit/records.json", $"record {sequence} is missing");
        AssertNamed(Replace(files, "audit/records.json", cut), "manifest.json", "signs");
        AssertNamed(ZipFiles.Write(files.Select(f => f.Path == "audit/records.json" ? (f.Path, cut) : f)), "audit/records.json", "does not match the manifest");

        var tail = JsonNode.Parse(files.Text("audit/records.json"))!;
        tail["records"]!.AsArray().RemoveAt(tail["records"]!.AsArray().Count - 1);
        AssertNamed(Replace(files, "audit/records.json", Encoding.UTF8.GetBytes(tail.ToJsonString())), "audit/records.json", "records were removed from its end");

        var edited = JsonNode.Parse(files.Text("audit/records.json"))!;
        var record = edited["records"]!.AsArray().First(x => (string?)x!["action"] == "incident-read" || (string?)x!["action"] == "timeline")!;
        record["detail"] = (string)record["detail"]! + " (edited)";
        AssertNamed(Replace(files, "audit/records.json", Encoding.UTF8.GetBytes(edited.ToJsonString())), "audit/records.json", "does not match its hash");

        var timeline = JsonNode.Parse(files.Text("timeline.json"))!;
        var entries = timeline["entries"]!.AsArray();
        entries.RemoveAt(entries.Count - 1);
        AssertNamed(Replace(files, "timeline.json", Encoding.UTF8.GetBytes(timeline.ToJsonString())), "timeline.json", "is missing: it was removed");
    }

    [Fact]
    public async Task Verify_NamesTheFile_WhenAFileIsAddedOrRemoved()
    {
        var files = ZipFiles.Read(await ArchiveAsync());
        AssertNamed(ZipFiles.Write([.. files, ("notes/extra.txt", "added later"u8.ToArray())]), "notes/extra.txt", "not listed in manifest.json");
        AssertNamed(ZipFiles.Write(files.Where(f => f.Path != "thread.json")), "thread.json", "listed in the manifest but missing");
        AssertNamed(ZipFiles.Write(files.Where(f => f.Path != "signature.json")), "signature.json", "missing");
        AssertNamed(ZipFiles.Write(files.Where(f => f.Path != "manifest.json")), "manifest.json", "missing");
    }

    [Theory]
    [InlineData("../evil.txt", "'..' segment")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("C:/Windows/evil.txt", "absolute path")]
    [InlineData("a\\b.txt", "backslash")]
    [InlineData("folder/", "directory entry")]
    [InlineData("a//b.txt", "empty")]
    public void Verify_RefusesPathsThatEscape(string name, string says)
    {
        var zip = ZipFiles.Write([(name, "x"u8.ToArray()), ("manifest.json", "{}"u8.ToArray())]);
        var verdict = ZipFiles.Verify(zip);
        Assert.Contains(verdict.Problems, p => p.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_RefusesDuplicates_Bombs_SizeLies_AndDamagedOrForeignFiles()
    {
        var duplicate = ZipFiles.Write([("a.txt", "one"u8.ToArray()), ("A.txt", "two"u8.ToArray()), ("manifest.json", "{}"u8.ToArray())]);
        Assert.Contains(ZipFiles.Verify(duplicate).Problems, p => p == "A.txt: appears more than once in the archive");

        using var bomb = new MemoryStream();
        using (var archive = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 40; i++) entry.Write(zeros);
        }
        var bombVerdict = ZipFiles.Verify(bomb.ToArray());
        Assert.Single(bombVerdict.Problems);
        Assert.Contains("a ZIP bomb", bombVerdict.Problems[0], StringComparison.Ordinal);

        // The central directory says 10 bytes; the entry holds 2,000.
        var lie = ZipFiles.Write([("manifest.json", Encoding.ASCII.GetBytes(new string('x', 2_000)))]);
        var central = FindLast(lie, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.GetBytes(10).CopyTo(lie, central + 24);
        var lieVerdict = ZipFiles.Verify(lie);
        Assert.False(lieVerdict.Intact);
        Assert.Contains(lieVerdict.Problems, p => p.StartsWith("manifest.json:", StringComparison.Ordinal));

        foreach (var foreign in new[] { ""u8.ToArray(), "not a zip at all\n"u8.ToArray(), RandomNumberGenerator.GetBytes(4_096) })
        {
            var verdict = ZipFiles.Verify(foreign);
            Assert.Single(verdict.Problems);
            Assert.StartsWith("not a readable ZIP archive", verdict.Problems[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_OfATruncatedOrDamagedArchive_SaysSoInLinesAndNeverThrows()
    {
        var zip = await ArchiveAsync();
        foreach (var length in new[] { 1, 22, zip.Length / 4, zip.Length / 2, zip.Length - 23, zip.Length - 1 })
        {
            var verdict = ZipFiles.Verify(zip[..length]);
            Assert.False(verdict.Intact, $"cut at {length}");
            Assert.All(verdict.Problems, p => Assert.DoesNotContain('\n', p));
        }
        var step = Math.Max(1, zip.Length / 300);
        var found = 0;
        var tried = 0;
        for (var position = 0; position < zip.Length; position += step)
        {
            var damaged = (byte[])zip.Clone();
            damaged[position] ^= 0xFF;
            var verdict = ZipFiles.Verify(damaged); // must return, whatever the byte was
            Assert.All(verdict.Problems, p => Assert.DoesNotContain('\n', p));
            tried++;
            if (!verdict.Intact) found++;
        }
        // Bytes the reader never looks at (a local header's copy of the date, the version that made it) change nothing it checks.
        Assert.True(found > tried * 3 / 4, $"only {found} of {tried} damaged bytes were found");
    }

    private static int FindLast(byte[] data, byte[] pattern)
    {
        for (var i = data.Length - pattern.Length; i >= 0; i--)
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return i;
        throw new InvalidOperationException("pattern not found");
    }
}
