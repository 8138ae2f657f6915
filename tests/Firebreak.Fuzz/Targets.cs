using System.Text.Json;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Vex;

namespace Firebreak.Fuzz;

/// <summary>
/// Every parser of outside text in the Domain. A parser may refuse an input only with its own precise error (a
/// <see cref="FormatException"/> family member or a <c>DomainException</c>, see <see cref="Verdict"/>); anything else
/// escaping is a crash. Documents that must be JSON are parsed by the harness first: a byte string that is not JSON at
/// all is the JSON reader's refusal, not the parser's.
/// </summary>
internal static class Targets
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static readonly FuzzTarget[] All =
    [
        new("cvss", text => { CvssScorer.Score(text); CvssScorer.Score(text, strict: true); }, Cvss),
        new("purl", text => { if (PackageUrl.TryParse(text, out var purl, out _)) _ = PackageUrl.Parse(purl.ToString()); PackageUrl.Parse(text, PurlStrictness.Lenient); }, Purls),
        new("vers", text => { VersRange.TryParse(text, out _, out _); VersRange.Normalize(text); }, Vers),
        new("versions", Versions, VersionStrings),
        new("native-ranges", NativeRanges, VersionStrings),
        new("lockfile-npm", text => Lockfile.Read(LockfileFormat.Npm, text, "package-lock.json"), d => Files(d, "lockfiles/javascript-packagelockjson")),
        new("lockfile-yarn", text => Lockfile.Read(LockfileFormat.Yarn, text, "yarn.lock"), d => Files(d, "lockfiles/javascript-yarnlock")),
        new("lockfile-pnpm", text => Lockfile.Read(LockfileFormat.Pnpm, text, "pnpm-lock.yaml"), d => Files(d, "lockfiles/javascript-pnpmlock")),
        new("lockfile-nuget", text => Lockfile.Read(LockfileFormat.NuGet, text, "packages.lock.json"), d => Files(d, "lockfiles/dotnet-packageslockjson")),
        new("lockfile-requirements", text => Lockfile.Read(LockfileFormat.Requirements, text, "requirements.txt"), d => Files(d, "lockfiles/python-requirements")),
        new("lockfile-poetry", text => Lockfile.Read(LockfileFormat.Poetry, text, "poetry.lock"), d => Files(d, "lockfiles/python-poetrylock")),
        new("lockfile-gomod", text => Lockfile.Read(LockfileFormat.GoMod, text, "go.mod"), d => Files(d, "lockfiles/golang-gomod")),
        new("lockfile-gemfile", text => Lockfile.Read(LockfileFormat.Gemfile, text, "Gemfile.lock"), d => Files(d, "lockfiles/ruby-gemfilelock")),
        new("lockfile-cargo", text => CargoLock.Parse(text, "Cargo.lock"), d => Files(d, "lockfiles/rust-cargolock")),
        new("sbom", text => SbomReader.Read(text, "sbom.json", out _), d => Files(d, "lockfiles/sbom-cdx").Concat(Files(d, "lockfiles/sbom-spdx"))),
        new("osv", Osv, d => Files(d, "advisory-data/osv")),
        new("advisory-json", text => FirebreakAdvisoryJson.Read(text), d => Files(d, "advisory-data/osv")),
        new("csaf", text => { CsafImporter.Import(text); Json(text, root => CsafValidator.Validate(root)); }, d => Files(d, "examples/csaf-2.0/csaf")),
        new("cve", text => Json(text, root => CveValidator.Validate(root)), d => Files(d, "examples/cve5")),
        new("openvex", text => { OpenVexImporter.Import(text, "vex.json"); OpenVexReader.Read(text, "vex.json"); }, d => Files(d, "examples/openvex")),
        new("rustsec", text => RustSecAdvisory.Parse(text, "RUSTSEC.md"), d => Files(d, "advisory-data/rustsec").Take(40)),
        new("kev", text => KevCatalog.Parse(text, "kev.json"), _ => [KevSeed]),
        new("security-txt", text => SecurityTxtValidator.Validate(text, Now), _ => [SecurityTxtSeed]),
    ];

    public static FuzzTarget Find(string name) =>
        All.SingleOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'; targets: {string.Join(", ", All.Select(t => t.Name))}");

    private static void Json(string text, Action<JsonElement> use)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text); }
        catch (JsonException) { return; } // not JSON: the reader's refusal, before any parser of ours
        using (document) use(document.RootElement);
    }

    private static void Versions(string text)
    {
        var parts = text.Split(' ', 3);
        foreach (var scheme in NativeRange.Schemes.Append(VersionSchemes.Generic).Append(VersionSchemes.Rpm).Append(VersionSchemes.Alpine))
        {
            if (scheme.TryParse(parts[0], out var a, out _) && parts.Length == 3 && scheme.TryParse(parts[2], out var b, out _)) a.CompareTo(b);
        }
    }

    private static void NativeRanges(string text)
    {
        foreach (var scheme in NativeRange.Schemes) NativeRange.TryParse(scheme, text, out _, out _);
    }

    private static void Osv(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"firebreak-fuzz-{Environment.ProcessId}.json");
        File.WriteAllText(file, text);
        AdvisoryFeedReader.ReadOsv(file, new AdvisorySource(AdvisorySourceKind.Osv, file, Now));
    }

    // Seeds: the real fixtures, read where they are.
    private static IEnumerable<string> Files(string data, string folder)
    {
        var root = Path.Combine(data, folder);
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length is > 0 and < 200_000).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            : [];
    }

    private static IEnumerable<string> Cvss(string data) =>
        File.ReadLines(Path.Combine(data, "cvss/cvss40_base_exhaustive.tsv")).Where((_, i) => i % 4999 == 1).Select(l => l.Split('\t')[0]);

    private static IEnumerable<string> Purls(string data) =>
        Directory.EnumerateFiles(Path.Combine(data, "purl-spec/tests"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => Strings(JsonDocument.Parse(File.ReadAllText(f)).RootElement, "input")).Where(s => s.StartsWith("pkg:", StringComparison.Ordinal)).Distinct().Take(60);

    private static IEnumerable<string> Vers(string data) =>
        Directory.EnumerateFiles(Path.Combine(data, "examples/csaf-2.0/csaf"), "*.json", SearchOption.AllDirectories)
            .SelectMany(f => Strings(JsonDocument.Parse(File.ReadAllText(f)).RootElement, "name")).Where(s => s.StartsWith("vers:", StringComparison.Ordinal)).Distinct();

    private static IEnumerable<string> VersionStrings(string data) =>
        Directory.EnumerateFiles(Path.Combine(data, "versions"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Length > 0 && l[0] != '#').Take(8));

    private static IEnumerable<string> Strings(JsonElement e, string property) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => p.Name == property && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Strings(p.Value, property)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(x => Strings(x, property)),
        _ => [],
    };

    // Two seeds of our own: the KEV catalog is one 1.3 MB file (too big for a fuzzer's seed), and there is no shared security.txt.
    private const string KevSeed = """{"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.12.07","dateReleased":"2026-12-07T00:00:00.000Z","count":1,"vulnerabilities":[{"cveID":"CVE-2026-0001","vendorProject":"Example","product":"Widget","vulnerabilityName":"Widget RCE","dateAdded":"2026-12-01","shortDescription":"A flaw.","requiredAction":"Apply updates.","dueDate":"2026-12-22","knownRansomwareCampaignUse":"Unknown","notes":"","cwes":["CWE-78"]}]}""";

    private const string SecurityTxtSeed = "Contact: mailto:security@example.org\nContact: https://example.org/security\nExpires: 2027-06-01T00:00:00.000Z\nEncryption: https://example.org/pgp.asc\nPreferred-Languages: en, de\nCanonical: https://example.org/.well-known/security.txt\nPolicy: https://example.org/policy\n";
}
