using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>
/// A fully worked advisory: the report portal leaves reporters' uploaded evidence (with their contact details)
/// in a temporary directory after the upload fails — a user-safety bug (CWE-459) in two packages.
/// </summary>
public static class WorkedAdvisory
{
    public const string Cvss31 = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N";
    public const string Cvss40 = "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N";
    public const string Impact = "an attacker with a shell on the server can read the names and e-mail addresses of people who reported vulnerabilities";

    /// <summary>Names that must never appear in any export: the anonymous reporter's and the credit without consent.</summary>
    public static readonly string[] HiddenNames = ["Mallory Hidden", "Casey Noconsent", "mallory@example.org"];

    public static readonly Guid CnaOrgId = Guid.Parse("8254265b-2729-46b6-b9e3-3dfca2d5bfca");

    public static DateTimeOffset Day(int month, int day) => new(2026, month, day, 9, 30, 0, TimeSpan.Zero);

    public static SecurityAdvisory Create() => new(
        "FBK-2026-0001",
        "Failed evidence uploads leave reporters' contact details in the temporary directory",
        new AdvisoryPublisher("Firebreak Project", "https://firebreak.example.org", PublisherCategory.Vendor, "Firebreak", "Firebreak", CnaOrgId),
        [
            new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.Npm, "@firebreak/portal"),
                [new AffectedRange(AffectedRangeType.Semver, [new(RangeEventKind.Introduced, "1.0.0"), new(RangeEventKind.Fixed, "1.4.2")])]),
            new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.CratesIo, "firebreak-evidence"),
                [new AffectedRange(AffectedRangeType.Ecosystem, [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.LastAffected, "0.9.2")])],
                ["0.9.1", "0.9.2"], ["0.9.3"]),
        ])
    {
        Aliases = ["CVE-2026-31337", "GHSA-4f7q-9x2c-m3vw"],
        Description = "When an evidence upload fails half-way, `firebreak-evidence` returns before deleting the temporary file, "
            + "which holds the report form including the reporter's name and e-mail address.\n\n"
            + "Upgrade `@firebreak/portal` to 1.4.2 and `firebreak-evidence` to 0.9.3, then delete `$TMPDIR/firebreak-upload-*`.",
        Unaffected = [new UnaffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.CratesIo, "firebreak-cli"), ["0.9.2"], null,
            VexJustification.VulnerableCodeNotPresent, "The CLI never receives uploads.")],
        Cwes = [new Cwe("CWE-459", "Incomplete Cleanup")],
        Cvss3 = CvssRating.Parse(Cvss31, "cvss_v3", expectV4: false),
        Cvss4 = CvssRating.Parse(Cvss40, "cvss_v4", expectV4: true),
        UserSafetyImpact = Impact,
        Remediation = "Upgrade @firebreak/portal to 1.4.2 and firebreak-evidence to 0.9.3, then delete leftover upload files.",
        References =
        [
            new AdvisoryReference(AdvisoryReferenceType.Advisory, "https://github.com/firebreak/firebreak/security/advisories/GHSA-4f7q-9x2c-m3vw", "GitHub advisory"),
            new AdvisoryReference(AdvisoryReferenceType.Fix, "https://github.com/firebreak/firebreak/commit/5d1e2f3a"),
            new AdvisoryReference(AdvisoryReferenceType.Package, "https://www.npmjs.com/package/@firebreak/portal"),
        ],
        Credits =
        [
            AdvisoryCredit.Named(CreditType.Reporter, "Jo Example", "https://jo.example.net"),
            AdvisoryCredit.FromReporter(new Reporter("mallory@example.org", CreditPreference.Anonymous, "Mallory Hidden", consent: true)),
            AdvisoryCredit.Named(CreditType.Analyst, "Casey Noconsent", consent: false),
            AdvisoryCredit.Named(CreditType.RemediationDeveloper, "radicalkjax"),
        ],
        Timeline = new AdvisoryTimeline(Day(3, 2), Day(3, 3), Day(3, 5), Day(3, 12), Day(3, 19), Day(3, 20)),
        Revisions =
        [
            new AdvisoryRevision("1", Day(3, 19), "Initial public release."),
            new AdvisoryRevision("2", Day(3, 20), "Added the CLI as not affected."),
        ],
    };
}
