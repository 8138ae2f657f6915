using System.Globalization;
using System.Text.Json;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Benchmarks;

/// <summary>
/// A deterministic advisory corpus for the index benchmarks: the real shared records (OSV, RustSec converted
/// to OSV JSON) topped up to <see cref="TotalRecords"/> with generated OSV records over npm, PyPI, crates.io,
/// Go and Maven, plus a 5,000-component purl list. Everything comes from <c>new Random(Seed)</c>, so every run
/// sees the same bytes. Generated packages get 1–12 records each (most get few); a record has one or two
/// intervals (introduced/fixed, sometimes last_affected or open-ended), some list explicit versions (as
/// PyPI's do), and a third carry aliases to a CVE shared with a sibling record, so alias merging has work.
/// The purl list is 20% packages that have advisories (at random versions, about half affected) and 80%
/// packages that have none, roughly what a real SBOM looks like against a large database.
/// </summary>
public sealed class AdvisoryCorpus
{
    public const int Seed = 20261201;
    public const int TotalRecords = 200_000;
    public const int Components = 5_000;
    private static readonly Ecosystem[] Ecosystems = [Ecosystem.Npm, Ecosystem.PyPI, Ecosystem.CratesIo, Ecosystem.Go, Ecosystem.Maven];

    private AdvisoryCorpus(List<string> records, List<string> purls)
    {
        RecordJson = records;
        Purls = purls;
    }

    /// <summary>One OSV JSON document per record.</summary>
    public IReadOnlyList<string> RecordJson { get; }

    /// <summary>The components to match, as purl strings.</summary>
    public IReadOnlyList<string> Purls { get; }

    /// <summary>Builds the corpus; <paramref name="sharedData"/> is ../shared/testdata/advisory-data (absent: generated records only).</summary>
    public static AdvisoryCorpus Create(string? sharedData, int total = TotalRecords)
    {
        var records = new List<string>(total);
        if (sharedData is not null && Directory.Exists(sharedData))
        {
            var source = new AdvisorySource(AdvisorySourceKind.Osv, sharedData, DateTimeOffset.UnixEpoch);
            records.AddRange(AdvisoryFeedReader.ReadOsv(Path.Combine(sharedData, "osv"), source).Records.Select(r => OsvJson.Write(r.Advisory)));
            records.AddRange(AdvisoryFeedReader.ReadRustSec(Path.Combine(sharedData, "rustsec"), source).Records.Select(r => OsvJson.Write(r.Advisory)));
        }
        var random = new Random(Seed);
        var vulnerable = new List<(Ecosystem Ecosystem, string Name)>();
        var serial = 0;
        while (records.Count < total)
        {
            var ecosystem = Ecosystems[random.Next(Ecosystems.Length)];
            var package = Name(ecosystem, vulnerable.Count);
            vulnerable.Add((ecosystem, package));
            var count = Math.Min(total - records.Count, 1 + (int)(11 * Math.Pow(random.NextDouble(), 3)));
            var sharedCve = $"CVE-{2015 + random.Next(11)}-{100000 + serial}";
            for (var i = 0; i < count; i++) records.Add(Record(random, ecosystem, package, serial++, i == 0 || random.Next(3) > 0 ? null : sharedCve));
        }
        var purls = new List<string>(Components);
        for (var i = 0; i < Components; i++)
        {
            var (ecosystem, name) = i % 5 == 0 ? vulnerable[random.Next(vulnerable.Count)] : (Ecosystems[random.Next(Ecosystems.Length)], "");
            if (name.Length == 0) name = Name(ecosystem, 1_000_000 + i);
            purls.Add(Purl(ecosystem, name, Version(random, ecosystem, random.Next(0, 10), random.Next(0, 20))));
        }
        return new AdvisoryCorpus(records, purls);
    }

    /// <summary>All records as one JSON array (what the Node baseline and `scan --osv` read).</summary>
    public void WriteArray(TextWriter output)
    {
        output.Write('[');
        for (var i = 0; i < RecordJson.Count; i++)
        {
            if (i > 0) output.Write(",\n");
            output.Write(RecordJson[i]);
        }
        output.Write("]\n");
    }

    private static string Record(Random random, Ecosystem ecosystem, string package, int serial, string? cve)
    {
        var major = random.Next(0, 10);
        var events = new List<(string, string)>();
        var introduced = random.Next(4) == 0 ? "0" : Version(random, ecosystem, major, 0);
        events.Add(("introduced", introduced));
        var end = random.Next(10);
        if (end < 7) events.Add(("fixed", Version(random, ecosystem, major, random.Next(1, 20))));
        else if (end < 9) events.Add(("last_affected", Version(random, ecosystem, major, random.Next(1, 20))));
        if (random.Next(4) == 0)
        {
            events.Add(("introduced", Version(random, ecosystem, major + 1, 0)));
            events.Add(("fixed", Version(random, ecosystem, major + 1, random.Next(1, 9))));
        }
        var versions = ecosystem == Ecosystem.PyPI && random.Next(2) == 0
            ? Enumerable.Range(0, random.Next(1, 6)).Select(n => Version(random, ecosystem, major, n)).Distinct().ToList() : [];
        var id = ecosystem switch { Ecosystem.PyPI => "PYSEC", Ecosystem.Go => "GO", _ => "GHSA" } + "-" + serial.ToString("x8", CultureInfo.InvariantCulture);
        var record = new
        {
            schema_version = "1.6.0",
            id,
            modified = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(serial).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            aliases = cve is null ? Array.Empty<string>() : [cve],
            summary = $"Generated advisory {serial} for {package}",
            severity = random.Next(2) == 0 ? [new { type = "CVSS_V3", score = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }] : Array.Empty<object>(),
            affected = new[] { new { package = new { ecosystem = ecosystem.ToOsvName(), name = package }, ranges = new[] { new { type = "ECOSYSTEM", events = events.Select(e => new Dictionary<string, string> { [e.Item1] = e.Item2 }) } }, versions } },
            references = new[] { new { type = "ADVISORY", url = $"https://example.org/advisories/{id}" } },
        };
        return JsonSerializer.Serialize(record);
    }

    private static string Version(Random random, Ecosystem ecosystem, int major, int minor) =>
        $"{major}.{minor}.{random.Next(0, 15)}";

    private static string Name(Ecosystem ecosystem, int n) => ecosystem switch
    {
        Ecosystem.Npm => n % 4 == 0 ? $"@scope{n % 97}/lib-{n}" : $"pkg-{n}",
        Ecosystem.PyPI => $"py-package-{n}",
        Ecosystem.CratesIo => $"crate-{n}",
        Ecosystem.Go => $"github.com/org{n % 503}/module-{n}",
        _ => $"org.example{n % 211}:artifact-{n}",
    };

    private static string Purl(Ecosystem ecosystem, string name, string version) => ecosystem switch
    {
        Ecosystem.Maven => $"pkg:maven/{name.Replace(':', '/')}@{version}",
        Ecosystem.Go => $"pkg:golang/{name}@v{version}",
        Ecosystem.Npm when name.StartsWith('@') => $"pkg:npm/%40{name[1..]}@{version}",
        _ => $"pkg:{ecosystem.ToPurlType()}/{name}@{version}",
    };
}
