using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

/// <summary>`db import --osv` of JSON arrays, which it reads and encodes one record at a time.</summary>
public sealed class DbImportStreamCliTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-dbstream-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Db => Path.Combine(_folder, "advisories.fbx");

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string Record(string id, string package, string modified) =>
        $$"""{"id":"{{id}}","modified":"{{modified}}","affected":[{"package":{"ecosystem":"npm","name":"{{package}}"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}""";

    [Fact]
    public void Import_MalformedRecordMidArray_NamesItsPathAndImportsNoneOfThatFile()
    {
        var good = File("good.json", $"[{Record("G-1", "good", "2024-01-01T00:00:00Z")},{Record("G-2", "good-too", "2024-01-01T00:00:00Z")}]");
        var bad = File("bad.json", $"[{Record("B-1", "before", "2024-01-01T00:00:00Z")},{{\"id\":\"B-2\",\"affected\":[{{\"package\":{{\"ecosystem\":\"npm\",\"name\":7}}}}]}},{Record("B-3", "after", "2024-01-01T00:00:00Z")}]");

        var (exit, output, error) = CliHarness.Run(["db", "import", "--osv", good, bad, "--db", Db], now: Now);
        var index = AdvisoryIndex.Load(System.IO.File.ReadAllBytes(Db), Db);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("firebreak: skipped bad.json:0: $[1].affected[0].package.name: expected a string.", error, StringComparison.Ordinal);
        Assert.Contains($"osv {bad}: 0 records (new)", output, StringComparison.Ordinal);
        Assert.Equal(["G-1", "G-2"], index.Records.Select(r => r.Advisory.Id));
        Assert.Equal([2, 0], index.SourceRecordCounts);
        Assert.Equal(["advisories.fbx", "bad.json", "good.json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Import_TruncatedArray_SkipsTheFileNamingTheLineItBrokeOn()
    {
        var feed = File("feed.json", $"[{Record("A-1", "alpha", "2025-01-01T00:00:00Z")},\n{Record("A-2", "beta", "2025-01-01T00:00:00Z")}");

        var (exit, _, error) = CliHarness.Run(["db", "import", "--osv", feed, "--db", Db], now: Now);
        var index = AdvisoryIndex.Load(System.IO.File.ReadAllBytes(Db), Db);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("firebreak: skipped feed.json:2: Not valid JSON", error, StringComparison.Ordinal);
        Assert.Empty(index.Records);
    }
}
