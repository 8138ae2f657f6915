using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Infrastructure.Templates;

namespace Firebreak.Web.Tests.Disclosure;

/// <summary>The project's default advisory-body and CHANGELOG templates render exactly what the built-in exporters write.</summary>
public sealed class DisclosureTemplateTests
{
    private static readonly Project Project = Project.Create("springtale", "Springtale", null, [], new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Variants => ["bare", "full", "anonymous"];

    private static SecurityAdvisory Advisory(string variant)
    {
        var bare = new SecurityAdvisory("SPR-2026-0001", "Panic wipe leaves the vault key on disk",
            new AdvisoryPublisher("Springtale", "https://springtale.example.org", PublisherCategory.Vendor),
            [new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.CratesIo, "springtale-vault"),
                [new AffectedRange(AffectedRangeType.Semver, [new(RangeEventKind.Introduced, "0.1.0"), new(RangeEventKind.Fixed, "0.4.2")])])]);
        return variant switch
        {
            "bare" => bare,
            "full" => bare with
            {
                Aliases = ["CVE-2026-31337"],
                Description = "After a panic wipe `key.bin` stays.\n\nUpgrade.",
                Cwes = [new Cwe("CWE-459", "Incomplete Cleanup"), new Cwe("CWE-212")],
                Cvss4 = CvssRating.Parse("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "cvss_v4", expectV4: true),
                UserSafetyImpact = "A seized device still holds the vault key.",
                Credits = [AdvisoryCredit.Named(CreditType.Reporter, "@finder")],
                Timeline = new AdvisoryTimeline(Acknowledged: new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), Triaged: new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero),
                    Fixed: new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), Published: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            },
            _ => bare with { Credits = [AdvisoryCredit.Anonymous(CreditType.Reporter)], UserSafetyImpact = "none." },
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task DefaultAdvisoryBody_EqualsTheBuiltInExport(string variant)
    {
        var advisory = Advisory(variant);
        var values = DisclosureMail.Values(Project, advisory, advisory.Timeline.Published, "https://firebreak.example/p/springtale/advisories/SPR-2026-0001");
        Assert.Equal(AdvisoryMarkdown.Write(advisory), await new LiquidTemplates().RenderAsync(DisclosureTemplates.AdvisoryBody, values));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task DefaultChangelogLine_EqualsTheBuiltInExport(string variant)
    {
        var advisory = Advisory(variant);
        var values = DisclosureMail.Values(Project, advisory, null, "https://firebreak.example/x");
        Assert.Equal(ChangelogLine.Write(advisory), await new LiquidTemplates().RenderAsync(DisclosureTemplates.ChangelogLine, values));
    }
}
