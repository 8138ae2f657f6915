using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;

namespace Firebreak.Web.Features.Risks;

/// <summary>An incident a register entry names.</summary>
internal sealed record RiskIncidentJson(int Number, Guid Id);

/// <summary>A register entry as the API shows it; <c>reviewDue</c> is true for an accepted risk past its date.</summary>
internal sealed record RiskJson(string Id, string Title, IReadOnlyList<string> Categories, string Asset, string Threat, int Likelihood, int Impact,
    int Rating, string Level, string Mitigations, string Owner, string Status, DateOnly? AcceptedUntil, string? AcceptedBy, string? TransferredTo,
    bool ReviewDue, DateTimeOffset? ReviewDueAt, IReadOnlyList<RiskIncidentJson> Incidents, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy)
{
    public static RiskJson From(RiskEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var f = entry.Fields;
        return new(entry.Code.ToString(), f.Title, [.. f.Categories.Select(c => c.ToWire())], f.Asset, f.Threat, f.Likelihood, f.Impact, f.Rating,
            f.Level.ToWire(), f.Mitigations, f.Owner, f.Status.ToWire(), f.AcceptedUntil, f.AcceptedBy, f.TransferredTo, entry.IsReviewDueAt(now),
            entry.ReviewDueAt, [.. entry.Incidents.OrderBy(l => l.Number).Select(l => new RiskIncidentJson(l.Number, l.IncidentId))],
            entry.CreatedAt, entry.CreatedBy, entry.UpdatedAt, entry.UpdatedBy);
    }
}

/// <summary>
/// The register as JSON (export and import): <c>format</c> is <c>firebreak-risk-register</c>, <c>version</c> 1, and
/// one object per entry with the fields of <see cref="RiskInput"/> plus its <c>id</c>. Exports also carry the
/// computed and recorded fields of <see cref="RiskJson"/>; an import ignores them.
/// </summary>
internal sealed record RegisterJson(string? Format, int? Version, string? Project, IReadOnlyList<RegisterEntryJson?>? Risks)
{
    public const string FormatName = "firebreak-risk-register";
}

/// <summary>One entry of <see cref="RegisterJson"/> as an import reads it (the export's other fields are ignored).</summary>
internal sealed record RegisterEntryJson(string? Id, string? Title, IReadOnlyList<string?>? Categories, string? Asset, string? Threat, int? Likelihood,
    int? Impact, string? Mitigations, string? Owner, string? Status, DateOnly? AcceptedUntil, string? AcceptedBy, string? TransferredTo,
    IReadOnlyList<RiskIncidentJson?>? Incidents);
