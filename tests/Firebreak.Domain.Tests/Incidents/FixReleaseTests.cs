using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Incidents;

/// <summary>The fix release: what it accepts, how it stops the fix clock, and what publication does to the incident.</summary>
public class FixReleaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Tag = "https://example.org/springtale/releases/tag/v0.4.2";

    private static Incident Report() =>
        Incident.Open(Guid.NewGuid(), 3, IncidentKind.VulnerabilityReport, "Panic wipe", "", Severity.High, null,
            new Reporter("jo@example.org", CreditPreference.Handle, "@jo", consent: true), SecurityPolicy.Default, "alice", Now);

    private static FixRelease Release(DateTimeOffset at, params string[] versions) =>
        FixRelease.Create(versions, at, Tag, null, "alice", at.AddHours(1));

    [Fact]
    public void RecordRelease_StopsTheFixClockAtTheReleaseInstant_NotWhenRecorded()
    {
        var incident = Report();
        var released = Now.AddDays(10);
        incident.RecordRelease(FixRelease.Create(["0.4.2", "v0.4.2-secfix.1"], released, Tag, "https://example.org/attestations/0.4.2.intoto.jsonl", "rita", released.AddDays(6)),
            "rita", released.AddDays(6));

        var fix = incident.Clock(ClockKind.Fix)!;
        Assert.Equal(released, fix.StoppedAt);
        Assert.Equal(ClockState.Met, fix.StateAt(released.AddDays(6))); // recorded after the due instant, released before it
        Assert.Equal(released, incident.FixedAt);
        Assert.Equal(["0.4.2", "v0.4.2-secfix.1"], incident.ReleasedVersions);
        var entries = incident.Timeline.TakeLast(2).ToList();
        Assert.Equal(TimelineKind.Release, entries[0].Kind);
        Assert.Equal($"Fix released: 0.4.2, v0.4.2-secfix.1 at 2026-12-11 09:00:00Z ({Tag}); provenance https://example.org/attestations/0.4.2.intoto.jsonl", entries[0].Text);
        Assert.Equal("fix clock stopped: fix released at 2026-12-11 09:00:00Z (met)", entries[1].Text);
    }

    [Fact]
    public void RecordRelease_AfterTheDueInstant_IsBreached_AndASecondReleaseKeepsTheFirstStop()
    {
        var incident = Report();
        incident.RecordRelease(Release(Now.AddDays(20), "0.4.2"), "rita", Now.AddDays(20).AddHours(1));
        Assert.Equal(ClockState.Breached, incident.Clock(ClockKind.Fix)!.StateAt(Now.AddDays(30)));
        Assert.EndsWith("(breached)", incident.Timeline[^1].Text, StringComparison.Ordinal);

        var count = incident.Timeline.Count;
        incident.RecordRelease(Release(Now.AddDays(21), "0.3.9"), "rita", Now.AddDays(21).AddHours(1));
        Assert.Equal(count + 1, incident.Timeline.Count); // the release only; the clock had already stopped
        Assert.Equal(Now.AddDays(20), incident.Clock(ClockKind.Fix)!.StoppedAt);
        Assert.Equal(Now.AddDays(20), incident.FixedAt);
        Assert.Equal(["0.4.2", "0.3.9"], incident.ReleasedVersions);
    }

    [Fact]
    public void RecordRelease_RefusesAVersionAlreadyReleased_AndAnEndedIncident()
    {
        var incident = Report();
        incident.RecordRelease(Release(Now.AddDays(2), "0.4.2"), "rita", Now.AddDays(3));
        var again = Assert.Throws<DomainException>(() => incident.RecordRelease(Release(Now.AddDays(2), "0.5.0", "0.4.2"), "rita", Now.AddDays(3)));
        Assert.StartsWith("versions: 0.4.2 is already recorded", again.Message, StringComparison.Ordinal);

        var rejected = Report();
        rejected.MoveTo(IncidentStage.Rejected, "alice", Now.AddHours(1), "not a vulnerability");
        Assert.Throws<DomainException>(() => rejected.RecordRelease(Release(Now.AddDays(2), "0.4.2"), "rita", Now.AddDays(3)));
    }

    [Theory]
    [InlineData(new string[0], "versions: name at least one")]
    [InlineData(new[] { " " }, "versions[0]: empty")]
    [InlineData(new[] { "0.4.2", "0.4.2" }, "versions[1]: 0.4.2 is named twice")]
    [InlineData(new[] { "1.0 beta" }, "versions[0]: '1.0 beta' is not a version")]
    [InlineData(new[] { "-rf" }, "versions[0]: '-rf' is not a version")]
    [InlineData(new[] { "<script>" }, "versions[0]: '<script>' is not a version")]
    public void Create_RefusesBadVersions_NamingTheField(string[] versions, string error)
    {
        var e = Assert.Throws<DomainException>(() => FixRelease.Create(versions, Now, Tag, null, "rita", Now));
        Assert.StartsWith(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesTooManyOrTooLongVersions()
    {
        Assert.StartsWith("versions: at most 20", Assert.Throws<DomainException>(() =>
            FixRelease.Create([.. Enumerable.Range(1, 21).Select(i => $"1.0.{i}")], Now, Tag, null, "rita", Now)).Message, StringComparison.Ordinal);
        Assert.StartsWith("versions[0]: longer than 100", Assert.Throws<DomainException>(() =>
            FixRelease.Create([new string('1', 101)], Now, Tag, null, "rita", Now)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "url: required")]
    [InlineData("http://example.org/tag", null, "url: 'http://example.org/tag' is not an absolute https URL")]
    [InlineData("javascript:alert(1)", null, "url: 'javascript:alert(1)' is not an absolute https URL")]
    [InlineData("/releases/tag/v1", null, "url: '/releases/tag/v1' is not an absolute https URL")]
    [InlineData("https://user:secret@example.org/tag", null, "url: a link must not carry")]
    [InlineData(Tag, "ftp://example.org/att", "provenanceUrl: 'ftp://example.org/att' is not an absolute https URL")]
    public void Create_RefusesBadLinks_NamingTheField(string? url, string? provenance, string error)
    {
        var e = Assert.Throws<DomainException>(() => FixRelease.Create(["1.0.1"], Now, url, provenance, "rita", Now));
        Assert.StartsWith(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesAReleaseInTheFuture_AndAcceptsOneBeforeTheReport()
    {
        Assert.StartsWith("releasedAt:", Assert.Throws<DomainException>(() => FixRelease.Create(["1.0.1"], Now.AddMinutes(1), Tag, null, "rita", Now)).Message, StringComparison.Ordinal);
        Assert.StartsWith("releasedAt:", Assert.Throws<DomainException>(() => FixRelease.Create(["1.0.1"], new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), Tag, null, "rita", Now)).Message, StringComparison.Ordinal);
        var silent = Report();
        silent.RecordRelease(FixRelease.Create(["0.4.1"], Now.AddDays(-1), Tag, null, "rita", Now.AddHours(1)), "rita", Now.AddHours(1));
        Assert.Equal(ClockState.Met, silent.Clock(ClockKind.Fix)!.StateAt(Now.AddHours(1)));
    }

    [Theory]
    [InlineData(IncidentStage.Discovery, IncidentStage.PostMortem)]
    [InlineData(IncidentStage.Assessment, IncidentStage.PostMortem)]
    [InlineData(IncidentStage.Disclosure, IncidentStage.PostMortem)]
    [InlineData(IncidentStage.PostMortem, IncidentStage.PostMortem)]
    [InlineData(IncidentStage.Closed, IncidentStage.Closed)]
    public void Publication_MovesAWorkingIncidentToItsPostMortem(IncidentStage before, IncidentStage after)
    {
        var incident = Report();
        incident.MoveTo(before, "alice", Now.AddHours(1), policy: SecurityPolicy.Default);
        incident.MarkAdvisoryPublished("FBK-1", Now.AddDays(20), SecurityPolicy.Default, "firebreak", Now.AddDays(20).AddMinutes(1));
        Assert.Equal(after, incident.Stage);
        if (before < IncidentStage.PostMortem)
            Assert.Equal($"Stage {before.ToWire()} → post-mortem: advisory FBK-1 published", incident.Timeline[^1].Text);
    }

    [Fact]
    public void PublicRendition_FillsEmptyPatchedVersionsFromTheReleases_AndKeepsStatedOnes()
    {
        var open = new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.Npm, "@springtale/portal"), affectedVersions: ["0.4.1"]);
        var stated = new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.Npm, "@springtale/cli"), affectedVersions: ["0.9.0"], patchedVersions: ["0.9.1"]);
        var advisory = new SecurityAdvisory("FBK-2026-0001", "Leak", new AdvisoryPublisher("Springtale", "https://springtale.example.org"), [open, stated]);
        var row = AdvisoryPublication.Start(Guid.NewGuid(), Guid.NewGuid(), advisory, "{}", "alice", Now);
        var fixedAt = Now.AddDays(3);

        var rendition = row.PublicRendition(advisory, null, new AdvisoryTimeline(Fixed: fixedAt), ["0.4.2", "v0.4.2-secfix.1"]);

        Assert.Equal(["0.4.2", "v0.4.2-secfix.1"], rendition.Affected[0].PatchedVersions);
        Assert.Equal(["0.9.1"], rendition.Affected[1].PatchedVersions);
        Assert.Equal(fixedAt, rendition.Timeline.Fixed);
    }
}
