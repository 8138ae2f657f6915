using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// What a caller says about a register entry (the API's body, a form, a post-mortem's "update the register"). For a
/// new entry every required field must be given; for a change, a field left out (null) keeps its value, and moving
/// the status away from accepted or transferred drops the acceptance or the party unless new ones are given.
/// <c>incidents</c> (numbers within the project) replaces the entry's links when given. Categories are wire names
/// (<c>information-disclosure</c>); the first letter alone (<c>I</c>) is accepted too.
/// </summary>
[PublicFace]
internal sealed record RiskInput(string? Title = null, IReadOnlyList<string?>? Categories = null, string? Asset = null, string? Threat = null,
    int? Likelihood = null, int? Impact = null, string? Mitigations = null, string? Owner = null, string? Status = null,
    DateOnly? AcceptedUntil = null, string? AcceptedBy = null, string? TransferredTo = null, IReadOnlyList<int>? Incidents = null)
{
    /// <summary>The fields of a new entry; a missing required one is named.</summary>
    public RiskFields ToNew() => RiskFields.Create(Title, ParseCategories(Categories ?? []), Asset, Threat,
        Likelihood ?? throw new DomainException("likelihood: required (1 to 5)."), Impact ?? throw new DomainException("impact: required (1 to 5)."),
        Mitigations, Owner, Status is null ? RiskStatus.Open : WireNames.Parse<RiskStatus>(Status, "status"), AcceptedUntil, AcceptedBy, TransferredTo);

    /// <summary>The fields after applying this change to <paramref name="current"/>.</summary>
    public RiskFields ApplyTo(RiskFields current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var status = Status is null ? current.Status : WireNames.Parse<RiskStatus>(Status, "status");
        var keepAcceptance = status == RiskStatus.Accepted && current.Status == RiskStatus.Accepted;
        var keepParty = status == RiskStatus.Transferred && current.Status == RiskStatus.Transferred;
        return RiskFields.Create(Title ?? current.Title, Categories is null ? current.Categories : ParseCategories(Categories), Asset ?? current.Asset,
            Threat ?? current.Threat, Likelihood ?? current.Likelihood, Impact ?? current.Impact, Mitigations ?? current.Mitigations, Owner ?? current.Owner,
            status, AcceptedUntil ?? (keepAcceptance ? current.AcceptedUntil : null), AcceptedBy ?? (keepAcceptance ? current.AcceptedBy : null),
            TransferredTo ?? (keepParty ? current.TransferredTo : null));
    }

    private static List<StrideCategory> ParseCategories(IReadOnlyList<string?> names)
    {
        var list = new List<StrideCategory>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim() ?? "";
            StrideCategory? category = name.Length == 1 ? StrideCategories.FromLetter(name[0]) : WireNames.TryParse<StrideCategory>(name, out var c) ? c : null;
            list.Add(category ?? throw new DomainException($"categories[{i}]: '{Clip(name)}' is not a STRIDE category; expected one of: {WireNames.AllowedList<StrideCategory>()}."));
        }
        return list;
    }

    private static string Clip(string text) => Excerpt.Clip(text, 40);
}
