using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;

namespace Firebreak.Domain.Tests.Disclosure;

public class AdvisoryPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SecurityAdvisory Advisory = WorkedAdvisory.Create() with { Timeline = new AdvisoryTimeline(), Revisions = [] };

    private static AdvisoryPublication Draft(string author = "alice") =>
        AdvisoryPublication.Start(Guid.NewGuid(), Guid.NewGuid(), Advisory, "{}", author, Now);

    private static AdvisoryPublication Scheduled(DateTimeOffset at)
    {
        var p = Draft();
        p.RequestReview(Now.AddDays(1), "alice", Now);
        p.Approve(at, "bob", Now);
        return p;
    }

    [Fact]
    public void Workflow_DraftReviewApproveThenPublicAtTheInstant()
    {
        var p = Draft();
        Assert.Equal(AdvisoryState.Draft, p.State);
        Assert.Equal("Advisory FBK-2026-0001 sent for review, proposed for publication at 2026-12-02 09:00 UTC", p.RequestReview(Now.AddDays(1), "alice", Now));
        Assert.Equal("Advisory FBK-2026-0001 approved by bob; publication scheduled for 2026-12-10 12:00 UTC",
            p.Approve(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero), "bob", Now));

        var at = new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);
        Assert.False(p.IsPublicAt(at.AddTicks(-1)));
        Assert.False(p.IsDueAt(at.AddTicks(-1)));
        Assert.True(p.IsPublicAt(at));
        Assert.True(p.IsDueAt(at));
        p.MarkPublished(at.AddMinutes(1));
        Assert.Equal(AdvisoryState.Published, p.State);
        Assert.True(p.IsPublicAt(at));
        Assert.False(p.IsDueAt(at.AddDays(1)));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    public void TheAuthorCannotApproveTheirOwnVersion(string approver)
    {
        var p = Draft();
        p.RequestReview(Now.AddDays(1), "alice", Now);
        var e = Assert.Throws<DomainException>(() => p.Approve(Now.AddDays(1), approver, Now));
        Assert.Contains("second maintainer", e.Message, StringComparison.Ordinal);
        Assert.Equal(AdvisoryState.InReview, p.State);
    }

    [Fact]
    public void WhoeverSubmittedCannotApproveEither()
    {
        var p = Draft("alice");
        p.RequestReview(Now.AddDays(1), "carol", Now);
        Assert.Throws<DomainException>(() => p.Approve(Now, "carol", Now));
    }

    [Fact]
    public void EditingAfterApproval_VoidsIt()
    {
        var p = Scheduled(Now.AddDays(3));
        var text = p.Save(Advisory with { Summary = "Changed" }, "{ }", "bob", Now.AddDays(1));
        Assert.Equal("Advisory FBK-2026-0001 saved (version 2); back to draft (edited while scheduled, so the approval no longer holds)", text);
        Assert.Equal(AdvisoryState.Draft, p.State);
        Assert.Null(p.ApprovedBy);
        Assert.Null(p.PublishAt);
        Assert.False(p.IsPublicAt(Now.AddDays(10)));
    }

    [Fact]
    public void PublicAdvisory_ChangesOnlyWithANewRevision_AndKeepsItsId()
    {
        var p = Scheduled(Now);
        p.MarkPublished(Now);
        var e = Assert.Throws<DomainException>(() => p.Save(Advisory with { Summary = "Quiet edit" }, "{}", "bob", Now.AddDays(1)));
        Assert.StartsWith("revisions:", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => p.Save(Advisory with { Id = "FBK-2026-0099" }, "{}", "bob", Now.AddDays(1)));

        var revised = Advisory with
        {
            Revisions = [new AdvisoryRevision("1", Now, "Initial public release."), new AdvisoryRevision("2", Now.AddDays(1), "Added the CVE id.")],
        };
        Assert.EndsWith("revision 2 of the public advisory", p.Save(revised, "{}", "bob", Now.AddDays(1)), StringComparison.Ordinal);
        Assert.Equal(AdvisoryState.Published, p.State);
    }

    [Fact]
    public void Rescheduling_OnlyBeforeTheInstant()
    {
        var p = Scheduled(Now.AddDays(2));
        Assert.Equal("Advisory FBK-2026-0001 rescheduled by carol: 2026-12-03 09:00 UTC → 2026-12-05 09:00 UTC", p.Reschedule(Now.AddDays(4), "carol", Now));
        Assert.Throws<DomainException>(() => p.Reschedule(Now.AddDays(9), "carol", Now.AddDays(4)));
    }

    [Fact]
    public void ApprovingWithoutAnInstant_TakesTheProposedOne()
    {
        var p = Draft();
        p.RequestReview(Now.AddDays(6), "alice", Now);
        p.Approve(null, "bob", Now);
        Assert.Equal(Now.AddDays(6).UtcDateTime, p.PublishAt);
    }

    [Fact]
    public void ApprovingWithAPastInstant_PublishesNow()
    {
        var p = Draft();
        p.RequestReview(Now.AddDays(1), "alice", Now);
        p.Approve(Now.AddDays(-5), "bob", Now);
        Assert.Equal(Now.UtcDateTime, p.PublishAt);
    }

    [Fact]
    public void Withdrawing_OnlyWhenPublic_ThenFrozen()
    {
        var p = Scheduled(Now.AddDays(2));
        Assert.Throws<DomainException>(() => p.Withdraw("wrong package", "bob", Now));
        p.Withdraw("not a vulnerability after all", "bob", Now.AddDays(3));
        Assert.Equal(AdvisoryState.Withdrawn, p.State);
        Assert.True(p.IsPublicAt(Now.AddDays(3)));
        Assert.Throws<DomainException>(() => p.Save(Advisory, "{}", "bob", Now.AddDays(4)));
        Assert.Throws<DomainException>(() => p.Withdraw("again", "bob", Now.AddDays(4)));
    }

    [Fact]
    public void Return_NeedsAReason_AndOnlyBeforePublic()
    {
        var p = Draft();
        p.RequestReview(Now.AddDays(1), "alice", Now);
        Assert.Throws<DomainException>(() => p.ReturnToDraft(" ", "bob", Now));
        Assert.Equal("Advisory FBK-2026-0001 returned to draft by bob: CVSS is wrong", p.ReturnToDraft("CVSS is wrong", "bob", Now));
        Assert.Equal(AdvisoryState.Draft, p.State);
    }

    [Fact]
    public void PublicRendition_TakesTheReportersOwnPreference()
    {
        var p = Scheduled(Now);
        var typed = Advisory with { Credits = [AdvisoryCredit.Named(CreditType.Reporter, "Typed Name"), AdvisoryCredit.Named(CreditType.Analyst, "Ann")] };
        var anonymous = new Reporter("r@example.org", CreditPreference.Anonymous, null, consent: true);
        var rendition = p.PublicRendition(typed, anonymous, new AdvisoryTimeline(Reported: Now.AddDays(-30)));

        Assert.DoesNotContain(rendition.Credits, c => c.Name == "Typed Name");
        Assert.Contains(rendition.Credits, c => c.Type == CreditType.Reporter && c.IsAnonymous);
        Assert.Contains(rendition.Credits, c => c.Name == "Ann");
        Assert.Equal(Now.AddDays(-30), rendition.Timeline.Reported);
        Assert.Equal(Now, rendition.Timeline.Published);
        Assert.Equal("1", rendition.CurrentVersion);

        var declined = new Reporter("r@example.org", CreditPreference.RealName, "Rae Real", consent: false);
        Assert.DoesNotContain(p.PublicRendition(typed, declined, new AdvisoryTimeline()).PublicCredits, c => c.Type == CreditType.Reporter);
    }

    [Fact]
    public void PublicRendition_OfAWithdrawnAdvisory_SaysWhenAndWhy()
    {
        var p = Scheduled(Now);
        p.Withdraw("duplicate of FBK-2026-0000", "bob", Now.AddDays(2));
        var rendition = p.PublicRendition(Advisory, null, new AdvisoryTimeline());
        Assert.Equal(Now.AddDays(2), rendition.Timeline.Withdrawn);
        Assert.Equal("2", rendition.CurrentVersion);
        Assert.Equal("Withdrawn: duplicate of FBK-2026-0000", rendition.Revisions[^1].Summary);
        Assert.Contains("\"withdrawn\": \"2026-12-03T09:00:00Z\"", Firebreak.Domain.Disclosure.Formats.AdvisoryExport.Write(rendition, Firebreak.Domain.Disclosure.Formats.ExportFormat.Osv), StringComparison.Ordinal);
    }
}
