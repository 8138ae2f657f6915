using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Risks;

/// <summary>
/// What a register entry says, checked: title, STRIDE categories (one or more, kept in STRIDE order), the asset or
/// component at risk, the threat, likelihood and impact (1–5, see <see cref="RiskScale"/>), mitigations, owner and
/// status. An accepted risk names the date it is accepted until and who accepted it; a transferred one names who
/// took it. Made only through <see cref="Create"/>, which names the broken field.
/// </summary>
public sealed record RiskFields
{
    /// <summary>Longest title, asset, owner and party names.</summary>
    public const int MaxLine = 200;

    /// <summary>Longest threat or mitigations text.</summary>
    public const int MaxText = 4000;

    private RiskFields() { }

    /// <summary>One-line title.</summary>
    public string Title { get; private init; } = "";

    /// <summary>One or more STRIDE categories, in STRIDE order, without repeats.</summary>
    public IReadOnlyList<StrideCategory> Categories { get; private init; } = [];

    /// <summary>The asset or component at risk (one line).</summary>
    public string Asset { get; private init; } = "";

    /// <summary>The threat (several lines allowed).</summary>
    public string Threat { get; private init; } = "";

    /// <summary>How likely, 1 (rare) to 5 (almost certain).</summary>
    public int Likelihood { get; private init; }

    /// <summary>How bad if it happens, 1 (negligible) to 5 (severe).</summary>
    public int Impact { get; private init; }

    /// <summary>What reduces it (several lines allowed; may be empty).</summary>
    public string Mitigations { get; private init; } = "";

    /// <summary>Who looks after it (a name or handle; may be empty).</summary>
    public string Owner { get; private init; } = "";

    /// <summary>Where it stands.</summary>
    public RiskStatus Status { get; private init; }

    /// <summary>For an accepted risk, the last day (UTC) the acceptance holds; review is due the day after.</summary>
    public DateOnly? AcceptedUntil { get; private init; }

    /// <summary>For an accepted risk, the person who accepted it.</summary>
    public string? AcceptedBy { get; private init; }

    /// <summary>For a transferred risk, who took it.</summary>
    public string? TransferredTo { get; private init; }

    /// <summary>Likelihood × impact, 1 to 25.</summary>
    public int Rating => Likelihood * Impact;

    /// <summary>The band of <see cref="Rating"/>.</summary>
    public RiskLevel Level => RiskScale.LevelOf(Rating);

    /// <summary>Checks and builds the fields; the message of a refusal starts with the field's name.</summary>
    public static RiskFields Create(string? title, IEnumerable<StrideCategory>? categories, string? asset, string? threat, int likelihood, int impact,
        string? mitigations, string? owner, RiskStatus status, DateOnly? acceptedUntil, string? acceptedBy, string? transferredTo)
    {
        var fields = new RiskFields
        {
            Title = RiskText.Check(title, "title", MaxLine, multiline: false, required: true),
            Categories = [.. (categories ?? []).Distinct().Order()],
            Asset = RiskText.Check(asset, "asset", MaxLine, multiline: false, required: true),
            Threat = RiskText.Check(threat, "threat", MaxText, multiline: true, required: true),
            Likelihood = Score(likelihood, "likelihood"),
            Impact = Score(impact, "impact"),
            Mitigations = RiskText.Check(mitigations, "mitigations", MaxText, multiline: true, required: false),
            Owner = RiskText.Check(owner, "owner", MaxLine, multiline: false, required: false),
            Status = status,
        };
        if (fields.Categories.Count == 0) throw new DomainException("categories: name at least one STRIDE category.");
        return status switch
        {
            RiskStatus.Accepted => fields with
            {
                AcceptedUntil = acceptedUntil ?? throw new DomainException("acceptedUntil: an accepted risk is accepted until a date."),
                AcceptedBy = RiskText.Check(acceptedBy, "acceptedBy", MaxLine, multiline: false, required: true),
            },
            RiskStatus.Transferred => Alone(fields, acceptedUntil, acceptedBy) with
            {
                TransferredTo = RiskText.Check(transferredTo, "transferredTo", MaxLine, multiline: false, required: true),
            },
            RiskStatus.Open or RiskStatus.Mitigated => string.IsNullOrWhiteSpace(transferredTo)
                ? Alone(fields, acceptedUntil, acceptedBy)
                : throw new DomainException($"transferredTo: only a transferred risk names who took it (status is {status.ToWire()})."),
        };
    }

    private static RiskFields Alone(RiskFields fields, DateOnly? acceptedUntil, string? acceptedBy)
    {
        if (acceptedUntil is not null) throw new DomainException($"acceptedUntil: only an accepted risk has an acceptance date (status is {fields.Status.ToWire()}).");
        if (!string.IsNullOrWhiteSpace(acceptedBy)) throw new DomainException($"acceptedBy: only an accepted risk names who accepted it (status is {fields.Status.ToWire()}).");
        return fields;
    }

    private static int Score(int value, string field) => value is >= RiskScale.Min and <= RiskScale.Max
        ? value
        : throw new DomainException($"{field}: {value.ToString(CultureInfo.InvariantCulture)} is outside the scale {RiskScale.Min} to {RiskScale.Max}.");

    /// <summary>The status as one phrase: <c>open</c>, <c>accepted until 2027-03-01 by Ana Lima</c>, <c>transferred to upstream</c>.</summary>
    public string StatusText => Status switch
    {
        RiskStatus.Accepted => $"accepted until {AcceptedUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by {AcceptedBy}",
        RiskStatus.Transferred => $"transferred to {TransferredTo}",
        RiskStatus.Open or RiskStatus.Mitigated => Status.ToWire(),
    };

    /// <summary>The categories' letters, e.g. <c>S, T, I</c>.</summary>
    public string CategoryLetters => string.Join(", ", Categories.Select(c => c.Letter()));

    /// <summary>
    /// What changed from <paramref name="before"/> to this, one phrase per field, for the audit record. Free text is
    /// named, not quoted (it may describe an embargoed weakness and is stored sealed); scores, status and names are
    /// shown old → new.
    /// </summary>
    public IReadOnlyList<string> ChangesFrom(RiskFields before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        if (before.Title != Title) changes.Add("title edited");
        if (!before.Categories.SequenceEqual(Categories)) changes.Add($"categories {before.CategoryLetters} → {CategoryLetters}");
        if (before.Asset != Asset) changes.Add("asset edited");
        if (before.Threat != Threat) changes.Add("threat edited");
        if (before.Likelihood != Likelihood) changes.Add($"likelihood {before.Likelihood} → {Likelihood}");
        if (before.Impact != Impact) changes.Add($"impact {before.Impact} → {Impact}");
        if (before.Mitigations != Mitigations) changes.Add("mitigations edited");
        if (before.Owner != Owner) changes.Add($"owner '{before.Owner}' → '{Owner}'");
        if (before.StatusText != StatusText) changes.Add($"status {before.StatusText} → {StatusText}");
        return changes;
    }

    /// <summary>Whether both say exactly the same.</summary>
    public bool SameAs(RiskFields other) => ChangesFrom(other).Count == 0;
}
