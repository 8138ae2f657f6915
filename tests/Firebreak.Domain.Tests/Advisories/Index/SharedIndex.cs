using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories.Index;

/// <summary>Builds indexes from the shared real advisory data (OSV folder, RustSec advisory-db, KEV) for the index tests.</summary>
internal static class SharedIndex
{
    public static readonly DateTimeOffset Retrieved = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static AdvisorySource Osv => new(AdvisorySourceKind.Osv, ConformanceData.Require("advisory-data/osv"), Retrieved);

    public static AdvisorySource RustSec => new(AdvisorySourceKind.RustSec, ConformanceData.Require("advisory-data/rustsec"), Retrieved);

    public static AdvisorySource Kev => new(AdvisorySourceKind.Kev, ConformanceData.Require("advisory-data/kev/known_exploited_vulnerabilities.json"), Retrieved);

    public static AdvisoryIndexBuilder Builder()
    {
        var builder = new AdvisoryIndexBuilder();
        builder.Import(Osv, AdvisoryFeedReader.ReadOsv(Osv.Location, Osv).Records);
        builder.Import(RustSec, AdvisoryFeedReader.ReadRustSec(RustSec.Location, RustSec).Records);
        builder.ImportKev(Kev, AdvisoryFeedReader.ReadKev(Kev.Location));
        return builder;
    }

    public static byte[] Bytes(AdvisoryIndexBuilder builder)
    {
        using var stream = new MemoryStream();
        builder.WriteTo(stream);
        return stream.ToArray();
    }

    public static AdvisoryIndex Load(AdvisoryIndexBuilder builder) => AdvisoryIndex.Load(Bytes(builder), "test.fbx");

    private static readonly Lazy<byte[]> Full = new(() => Bytes(Builder()));

    /// <summary>The index of all three shared feeds, built once.</summary>
    public static byte[] FullBytes => ConformanceData.Root is null ? Bytes(Builder()) : Full.Value;

    public static OsvAdvisory Record(string id, string ecosystem, string package, string modified, params string[] aliases) =>
        OsvAdvisory.ReadAll($$"""
            {"id":"{{id}}","modified":"{{modified}}","aliases":[{{string.Join(",", aliases.Select(a => $"\"{a}\""))}}],"summary":"{{id}} summary",
             "affected":[{"package":{"ecosystem":"{{ecosystem}}","name":"{{package}}"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
            """, id + ".json")[0];
}
