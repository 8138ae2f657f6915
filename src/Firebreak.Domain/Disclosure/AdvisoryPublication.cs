using System.Globalization;
using System.Linq.Expressions;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// An incident's advisory on its way to the public: the document as last saved (Firebreak's advisory JSON) and
/// its workflow, draft → in review (a second maintainer approves) → scheduled → published, and withdrawn later
/// if need be. The advisory is public from its scheduled instant on, whether or not the worker has yet run the
/// publication's side effects, so every public surface asks <see cref="IsPublicAt"/> and shows it at the same instant.
/// Each move returns the text the incident's timeline records.
/// </summary>
public sealed class AdvisoryPublication
{
    /// <summary>The largest document accepted, in characters.</summary>
    public const int MaxChars = 1 << 20;

    private AdvisoryPublication() { }

    /// <summary>The incident the advisory belongs to (one advisory per incident).</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>The incident's project, for the public pages.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>The advisory's own id (unique within the project; fixed once public).</summary>
    public string AdvisoryId { get; private set; } = "";

    /// <summary>The advisory in Firebreak's JSON form, as last saved (already validated).</summary>
    public string Document { get; private set; } = "";

    /// <summary>Counts the saves; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>When the document last changed (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Who last changed the document; they cannot approve it.</summary>
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Where it stands.</summary>
    public AdvisoryState State { get; private set; }

    /// <summary>Who asked for review, and when (UTC).</summary>
    public string? ReviewRequestedBy { get; private set; }

    /// <inheritdoc cref="ReviewRequestedBy"/>
    public DateTime? ReviewRequestedAt { get; private set; }

    /// <summary>The second maintainer who approved it, and when (UTC).</summary>
    public string? ApprovedBy { get; private set; }

    /// <inheritdoc cref="ApprovedBy"/>
    public DateTime? ApprovedAt { get; private set; }

    /// <summary>The instant it becomes public (UTC) once scheduled; while in review, the instant proposed.</summary>
    public DateTime? PublishAt { get; private set; }

    /// <summary>When the worker ran the publication's side effects (UTC).</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>When it was withdrawn (UTC), and why.</summary>
    public DateTime? WithdrawnAt { get; private set; }

    /// <inheritdoc cref="WithdrawnAt"/>
    public string? WithdrawnReason { get; private set; }

    /// <summary>The document as a reviewer last saw it (when they approved or returned it), for the next review's difference.</summary>
    public string? ReviewedDocument { get; private set; }

    /// <summary>The version <see cref="ReviewedDocument"/> was.</summary>
    public int? ReviewedVersion { get; private set; }

    /// <summary>Who last returned the advisory to draft, and why (the reviewer's comments for its author).</summary>
    public string? ReturnedBy { get; private set; }

    /// <inheritdoc cref="ReturnedBy"/>
    public string? ReturnedReason { get; private set; }

    /// <inheritdoc cref="ReturnedBy"/>
    public DateTime? ReturnedAt { get; private set; }

    /// <summary>How many revisions the saved document records; a public advisory changes only with a new one.</summary>
    public int RevisionCount { get; private set; }

    /// <summary>Starts the advisory of an incident as a draft.</summary>
    public static AdvisoryPublication Start(Guid incidentId, Guid projectId, SecurityAdvisory advisory, string document, string actor, DateTimeOffset now)
    {
        var publication = new AdvisoryPublication { IncidentId = incidentId, ProjectId = projectId, State = AdvisoryState.Draft };
        publication.Write(advisory, document, actor, now);
        return publication;
    }

    /// <summary>
    /// The rule for "public at this instant" as an expression a database query can use: from the scheduled instant on,
    /// and for ever after (a withdrawn advisory stays visible, marked). <see cref="IsPublicAt"/> is the same rule.
    /// </summary>
    public static Expression<Func<AdvisoryPublication, bool>> PublicAt(DateTimeOffset now)
    {
        var instant = now.UtcDateTime;
        return a => a.State == AdvisoryState.Published || a.State == AdvisoryState.Withdrawn || (a.State == AdvisoryState.Scheduled && a.PublishAt <= instant);
    }

    /// <summary>Due for the worker, as a query expression: the instant has come and the publication has not yet run. <see cref="IsDueAt"/> is the same rule.</summary>
    public static Expression<Func<AdvisoryPublication, bool>> DueAt(DateTimeOffset now)
    {
        var instant = now.UtcDateTime;
        return a => a.State == AdvisoryState.Scheduled && a.PublishAt <= instant;
    }

    /// <summary>True from the scheduled instant on (and for ever after: a withdrawn advisory stays visible, marked); <see cref="PublicAt"/> in memory.</summary>
    public bool IsPublicAt(DateTimeOffset now) =>
        State is AdvisoryState.Published or AdvisoryState.Withdrawn || (State == AdvisoryState.Scheduled && PublishAt <= now.UtcDateTime);

    /// <summary>True when the instant has come and the worker has not yet run the publication; <see cref="DueAt"/> in memory.</summary>
    public bool IsDueAt(DateTimeOffset now) => State == AdvisoryState.Scheduled && PublishAt <= now.UtcDateTime;

    /// <summary>
    /// Saves a new text. Editing a draft keeps it a draft; editing one in review or scheduled (before its instant)
    /// sends it back to draft, voiding the approval; a public advisory keeps its id and changes only with a new
    /// revision; a withdrawn one no longer changes.
    /// </summary>
    public string Save(SecurityAdvisory advisory, string document, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        if (State == AdvisoryState.Withdrawn) throw new DomainException("The advisory is withdrawn; it no longer changes.");
        var text = $"Advisory {advisory.Id} saved (version {Version + 1})";
        if (IsPublicAt(now))
        {
            if (advisory.Id != AdvisoryId) throw new DomainException($"id: the advisory is public as {AdvisoryId}; its id no longer changes.");
            if (advisory.Revisions.Count <= Math.Max(RevisionCount, 1))
                throw new DomainException("revisions: a public advisory changes only with a new revision saying what changed.");
            text += $"; revision {advisory.CurrentVersion} of the public advisory";
        }
        else if (State is AdvisoryState.InReview or AdvisoryState.Scheduled)
        {
            text += $"; back to draft (edited while {State.ToWire()}, so the approval no longer holds)";
            BackToDraft();
        }
        Write(advisory, document, actor, now);
        return text;
    }

    /// <summary>Asks a second maintainer to review the draft, proposing when it should go public.</summary>
    public string RequestReview(DateTimeOffset proposedPublishAt, string actor, DateTimeOffset now)
    {
        Expect(AdvisoryState.Draft, "ask for review");
        State = AdvisoryState.InReview;
        ReviewRequestedBy = actor;
        ReviewRequestedAt = now.UtcDateTime;
        PublishAt = proposedPublishAt.UtcDateTime;
        return $"Advisory {AdvisoryId} sent for review, proposed for publication at {Iso(proposedPublishAt)}";
    }

    /// <summary>Sends an advisory in review, or scheduled but not yet public, back to draft.</summary>
    public string ReturnToDraft(string reason, string actor, DateTimeOffset now)
    {
        reason = Reason(reason);
        if (State is not (AdvisoryState.InReview or AdvisoryState.Scheduled) || IsPublicAt(now))
            throw new DomainException($"The advisory is {State.ToWire()}{(IsPublicAt(now) ? " and public" : "")}; only one in review or scheduled can go back to draft.");
        BackToDraft();
        MarkReviewed();
        (ReturnedBy, ReturnedReason, ReturnedAt) = (actor, reason, now.UtcDateTime);
        return $"Advisory {AdvisoryId} returned to draft by {actor}: {reason}";
    }

    /// <summary>
    /// A second maintainer (not the last editor, not who asked for review) approves and schedules publication at
    /// <paramref name="publishAt"/>, else at the instant proposed; an instant already past publishes at once.
    /// </summary>
    public string Approve(DateTimeOffset? publishAt, string actor, DateTimeOffset now)
    {
        Expect(AdvisoryState.InReview, "approve it");
        if (WhyNotApprover(actor) is { } refusal) throw new DomainException(refusal);
        var wanted = publishAt ?? PublishAt!.Value.AsInstant();
        var at = wanted < now ? now : wanted;
        State = AdvisoryState.Scheduled;
        ApprovedBy = actor;
        ApprovedAt = now.UtcDateTime;
        PublishAt = at.UtcDateTime;
        MarkReviewed();
        return $"Advisory {AdvisoryId} approved by {actor}; publication scheduled for {Iso(at)}";
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not approve this version (they saved it or asked for its review: a second
    /// maintainer must), or null when they may. Pages show the reason instead of a button that would be refused.
    /// </summary>
    public string? WhyNotApprover(string actor) =>
        string.Equals(actor, UpdatedBy, StringComparison.OrdinalIgnoreCase) ? $"A second maintainer must approve: {actor} saved this version."
        : string.Equals(actor, ReviewRequestedBy, StringComparison.OrdinalIgnoreCase) ? $"A second maintainer must approve: {actor} asked for this review."
        : null;

    private void MarkReviewed() => (ReviewedDocument, ReviewedVersion) = (Document, Version);

    /// <summary>Moves the publication instant of a scheduled advisory that is not yet public.</summary>
    public string Reschedule(DateTimeOffset publishAt, string actor, DateTimeOffset now)
    {
        Expect(AdvisoryState.Scheduled, "reschedule it");
        if (IsPublicAt(now)) throw new DomainException($"The advisory has been public since {Iso(PublishAt!.Value)}; its date is history.");
        var at = publishAt < now ? now : publishAt;
        var old = PublishAt!.Value;
        PublishAt = at.UtcDateTime;
        return $"Advisory {AdvisoryId} rescheduled by {actor}: {Iso(old)} → {Iso(at)}";
    }

    /// <summary>The worker ran the publication (announcement, clock); the advisory has been public since <see cref="PublishAt"/>.</summary>
    public void MarkPublished(DateTimeOffset now)
    {
        if (!IsDueAt(now)) throw new DomainException($"The advisory is {State.ToWire()} and not due; it cannot be marked published.");
        State = AdvisoryState.Published;
        PublishedAt = now.UtcDateTime;
    }

    /// <summary>Withdraws a public advisory; it stays on the public pages, marked withdrawn with the date.</summary>
    public string Withdraw(string reason, string actor, DateTimeOffset now)
    {
        reason = Reason(reason);
        if (State == AdvisoryState.Withdrawn) throw new DomainException("The advisory is already withdrawn.");
        if (!IsPublicAt(now)) throw new DomainException($"The advisory is {State.ToWire()} and not public; edit or return it instead of withdrawing.");
        State = AdvisoryState.Withdrawn;
        WithdrawnAt = now.UtcDateTime;
        WithdrawnReason = reason;
        return $"Advisory {AdvisoryId} withdrawn by {actor}: {reason}";
    }

    /// <summary>
    /// The advisory as the public sees it: on a reported incident the reporter's credit is the one they chose in the
    /// portal (any reporter credit typed in the document is replaced, so a preference cannot be overridden by mistake);
    /// dates the document leaves empty come from the incident's <paramref name="facts"/>; an affected package whose
    /// patched versions the document leaves empty (none given, no fixed event) gets the versions of the incident's fix
    /// releases, <paramref name="releasedVersions"/>; published at the scheduled instant; withdrawn with a last
    /// revision saying why.
    /// </summary>
    public SecurityAdvisory PublicRendition(SecurityAdvisory advisory, Reporter? reporter, AdvisoryTimeline facts, IReadOnlyList<string>? releasedVersions = null)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        ArgumentNullException.ThrowIfNull(facts);
        var credits = reporter is null ? advisory.Credits : [.. advisory.Credits.Where(c => c.Type != CreditType.Reporter), AdvisoryCredit.FromReporter(reporter)];
        var released = releasedVersions ?? [];
        var affected = released.Count == 0 ? advisory.Affected
            : [.. advisory.Affected.Select(p => p.PatchedVersions.Count > 0 ? p : new AffectedProduct(p.Package, p.Ranges, p.AffectedVersions, released))];
        var t = advisory.Timeline;
        var rendition = advisory with
        {
            Credits = credits,
            Affected = affected,
            Timeline = t with
            {
                Reported = t.Reported ?? facts.Reported,
                Acknowledged = t.Acknowledged ?? facts.Acknowledged,
                Triaged = t.Triaged ?? facts.Triaged,
                Fixed = t.Fixed ?? facts.Fixed,
            },
        };
        if (PublishAt is { } at && rendition.Timeline.Published is null) rendition = rendition.Publish(at.AsInstant());
        if (WithdrawnAt is { } withdrawn)
        {
            var when = withdrawn.AsInstant();
            rendition = rendition.Revise(NextRevision(rendition.CurrentVersion), when, $"Withdrawn: {WithdrawnReason}");
            rendition = rendition with { Timeline = rendition.Timeline with { Withdrawn = when } };
        }
        return rendition;
    }

    private void Write(SecurityAdvisory advisory, string document, string actor, DateTimeOffset now)
    {
        if (document.Length > MaxChars) throw new DomainException("The advisory is larger than 1 MiB.");
        AdvisoryId = advisory.Id;
        Document = document;
        RevisionCount = advisory.Revisions.Count;
        Version++;
        UpdatedAt = now.UtcDateTime;
        UpdatedBy = actor;
    }

    private void BackToDraft()
    {
        State = AdvisoryState.Draft;
        ReviewRequestedBy = null;
        ReviewRequestedAt = null;
        ApprovedBy = null;
        ApprovedAt = null;
        PublishAt = null;
    }

    private void Expect(AdvisoryState state, string what)
    {
        if (State != state) throw new DomainException($"The advisory is {State.ToWire()}; only one {state.ToWire()} can {what}.");
    }

    private static string Reason(string? reason)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException("reason: required.");
        return reason.Length <= 1000 ? reason : throw new DomainException("reason: longer than 1,000 characters.");
    }

    /// <summary>The revision after <paramref name="number"/>: an integer counts up, a semantic version takes its next major.</summary>
    private static string NextRevision(string number)
    {
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return (n + 1).ToString(CultureInfo.InvariantCulture);
        var major = number.Split('.')[0];
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? $"{m + 1}.0.0" : number + ".1";
    }


    private static string Iso(DateTime utc) => Iso(utc.AsInstant());

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
