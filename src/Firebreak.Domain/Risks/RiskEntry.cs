using Firebreak.Domain.Common;

namespace Firebreak.Domain.Risks;

/// <summary>
/// One entry of a project's STRIDE risk register (<c>RISK-001</c> …): what it says (<see cref="RiskFields"/>) and
/// the incidents it names. Changes go through <see cref="Change"/>, <see cref="Link"/> and <see cref="Unlink"/>,
/// which say what changed so the caller can record it; an accepted risk asks for review once its date has passed
/// (<see cref="IsReviewDueAt"/>).
/// </summary>
public sealed class RiskEntry
{
    private readonly List<RiskIncidentLink> _incidents = [];

    private RiskEntry()
    {
        Title = Asset = Threat = Mitigations = Owner = CreatedBy = UpdatedBy = "";
    }

    /// <summary>Identifier (version-7 GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>The owning project.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>Number within the project; the id people use is <see cref="Code"/>.</summary>
    public int Number { get; private set; }

    /// <summary><c>RISK-001</c>.</summary>
    public RiskId Code => RiskId.Of(Number);

    /// <inheritdoc cref="RiskFields.Title"/>
    public string Title { get; private set; }

    /// <summary>The categories as a bit mask (<see cref="StrideCategories.Bit"/>), so a filter by category is a query.</summary>
    public int CategoryMask { get; private set; }

    /// <inheritdoc cref="RiskFields.Asset"/>
    public string Asset { get; private set; }

    /// <inheritdoc cref="RiskFields.Threat"/>
    public string Threat { get; private set; }

    /// <inheritdoc cref="RiskFields.Likelihood"/>
    public int Likelihood { get; private set; }

    /// <inheritdoc cref="RiskFields.Impact"/>
    public int Impact { get; private set; }

    /// <summary>Likelihood × impact, stored so the register sorts by it in SQL.</summary>
    public int Rating { get; private set; }

    /// <inheritdoc cref="RiskFields.Mitigations"/>
    public string Mitigations { get; private set; }

    /// <inheritdoc cref="RiskFields.Owner"/>
    public string Owner { get; private set; }

    /// <inheritdoc cref="RiskFields.Status"/>
    public RiskStatus Status { get; private set; }

    /// <inheritdoc cref="RiskFields.AcceptedUntil"/>
    public DateOnly? AcceptedUntil { get; private set; }

    /// <inheritdoc cref="RiskFields.AcceptedBy"/>
    public string? AcceptedBy { get; private set; }

    /// <inheritdoc cref="RiskFields.TransferredTo"/>
    public string? TransferredTo { get; private set; }

    /// <summary>The incidents the entry names, in the order linked.</summary>
    public IReadOnlyList<RiskIncidentLink> Incidents => _incidents;

    /// <summary>When and by whom it was entered (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <inheritdoc cref="CreatedAt"/>
    public string CreatedBy { get; private set; }

    /// <summary>When and by whom it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <inheritdoc cref="UpdatedAt"/>
    public string UpdatedBy { get; private set; }

    /// <summary>Optimistic-concurrency token, moved by every change.</summary>
    public int Version { get; private set; }

    /// <summary>What the entry says now.</summary>
    public RiskFields Fields => RiskFields.Create(Title, StrideCategories.FromMask(CategoryMask), Asset, Threat, Likelihood, Impact,
        Mitigations, Owner, Status, AcceptedUntil, AcceptedBy, TransferredTo);

    /// <summary>A new entry with the project's next number.</summary>
    public static RiskEntry Create(Guid projectId, int number, RiskFields fields, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var entry = new RiskEntry
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            Number = RiskId.Of(number).Number,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor,
        };
        entry.Set(fields, actor, now);
        return entry;
    }

    /// <summary>Replaces what the entry says; returns what changed (empty: nothing did, and nothing is touched).</summary>
    public IReadOnlyList<string> Change(RiskFields fields, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var changes = fields.ChangesFrom(Fields);
        if (changes.Count > 0) Set(fields, actor, now);
        return changes;
    }

    /// <summary>Names an incident of the same project; false if it is named already.</summary>
    public bool Link(Guid incidentId, int number, string actor, DateTimeOffset now)
    {
        if (_incidents.Any(l => l.IncidentId == incidentId)) return false;
        if (number < 1) throw new DomainException($"incidents: #{number} is not an incident number.");
        _incidents.Add(new RiskIncidentLink(incidentId, number, now));
        Touch(actor, now);
        return true;
    }

    /// <summary>Stops naming an incident; false if it was not named.</summary>
    public bool Unlink(Guid incidentId, string actor, DateTimeOffset now)
    {
        if (_incidents.RemoveAll(l => l.IncidentId == incidentId) == 0) return false;
        Touch(actor, now);
        return true;
    }

    /// <summary>The first instant an accepted risk asks for review: the start (UTC) of the day after it is accepted until.</summary>
    public DateTimeOffset? ReviewDueAt => Status == RiskStatus.Accepted && AcceptedUntil is { } until
        ? new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : null;

    /// <summary>Whether the entry is an accepted risk whose acceptance has lapsed at <paramref name="now"/>.</summary>
    public bool IsReviewDueAt(DateTimeOffset now) => ReviewDueAt is { } due && now >= due;

    private void Set(RiskFields fields, string actor, DateTimeOffset now)
    {
        Title = fields.Title;
        CategoryMask = StrideCategories.MaskOf(fields.Categories);
        Asset = fields.Asset;
        Threat = fields.Threat;
        Likelihood = fields.Likelihood;
        Impact = fields.Impact;
        Rating = fields.Rating;
        Mitigations = fields.Mitigations;
        Owner = fields.Owner;
        Status = fields.Status;
        AcceptedUntil = fields.AcceptedUntil;
        AcceptedBy = fields.AcceptedBy;
        TransferredTo = fields.TransferredTo;
        Touch(actor, now);
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now.UtcDateTime;
        UpdatedBy = actor;
    }
}
